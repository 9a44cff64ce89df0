import type { JobState } from '../store/jobTracking.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * What a headless job's progress says in words, in simulated time: "42% · 12.6 s of 30.0 s
 * simulated", and once the traffic is over, that the last requests are finishing.
 */
export function progressText(job: JobState): string {
  const percent = `${Math.floor(job.fraction * 100)}%`;
  if (job.endMs <= 0) return `${percent} · ${seconds(job.simulatedMs)} simulated`;
  if (job.simulatedMs > job.endMs)
    return `${percent} · ${seconds(job.simulatedMs)} simulated: traffic over, last requests finishing`;
  return `${percent} · ${seconds(job.simulatedMs)} of ${seconds(job.endMs)} simulated`;
}
