import type { SweepJob } from '../../store/sweepSlice.ts';

const plural = (n: number, one: string) =>
  `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** Wall-clock time in words: "8 s", "2 min 05 s". */
export function wallTimeText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * How far a sweep has got, in runs and wall-clock time (a sweep's runs are simulated; what the
 * person waits for is real time): "12 of 40 runs on 3 workers · about 9 s left".
 */
export function sweepProgressText(job: SweepJob, workers: number): string {
  const head = `${job.done.toLocaleString('en-US')} of ${plural(job.total, 'run')} on ${plural(workers, 'worker')}`;
  if (job.stopping) return `${head} · stopping: the runs in progress finish first`;
  if (job.done === 0) return `${head} · starting`;
  const elapsed = job.updatedAt - job.startedAt;
  const left = (elapsed / job.done) * (job.total - job.done);
  return `${head} · about ${wallTimeText(left)} left`;
}
