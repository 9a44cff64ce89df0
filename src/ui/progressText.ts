import type { JobState } from '../store/jobTracking.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Before this share is done, or this much wall time has passed, the pace says little yet. */
const ETA_MIN_FRACTION = 0.02;
const ETA_MIN_ELAPSED_MS = 400;

/**
 * What a headless job's progress says in words, in simulated time, with the wall time left at
 * the pace so far: "42% · 12.6 s of 30.0 s simulated · about 5 s left"; once the traffic is over,
 * that the last requests are finishing.
 */
export function progressText(job: JobState): string {
  const percent = `${Math.floor(job.fraction * 100)}%`;
  const left = etaText(job);
  const eta = left === null ? '' : ` · ${left}`;
  if (job.endMs <= 0) return `${percent} · ${seconds(job.simulatedMs)} simulated${eta}`;
  if (job.simulatedMs > job.endMs)
    return `${percent} · ${seconds(job.simulatedMs)} simulated: traffic over, last requests finishing${eta}`;
  return `${percent} · ${seconds(job.simulatedMs)} of ${seconds(job.endMs)} simulated${eta}`;
}

/**
 * The wall-clock time a job still needs if it keeps the pace it has had (elapsed × left / done):
 * "about 5 s left", "about 2 min left"; "estimating time left" until enough is done to say.
 */
export function etaText(job: Pick<JobState, 'fraction' | 'elapsedMs'>): string | null {
  const { fraction, elapsedMs } = job;
  if (fraction >= 1) return null;
  if (fraction < ETA_MIN_FRACTION || elapsedMs < ETA_MIN_ELAPSED_MS) return 'estimating time left';
  const leftMs = (elapsedMs * (1 - fraction)) / fraction;
  if (leftMs < 1000) return 'less than a second left';
  const s = Math.round(leftMs / 1000);
  if (s < 90) return `about ${s} ${s === 1 ? 'second' : 'seconds'} left`;
  const min = Math.round(s / 60);
  return `about ${min} minutes left`;
}
