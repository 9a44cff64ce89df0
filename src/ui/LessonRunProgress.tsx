import { useLearn } from '../store/learnStore.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** How far the scripted run has got, in simulated seconds; shared by lessons and challenges. */
export function LessonRunProgress() {
  const now = useLearn((s) => s.running?.now ?? 0);
  const end = useLearn((s) => s.running?.end ?? 0);
  const draining = end > 0 && now > end;
  return (
    <div className="learn-progress" data-testid="learn.progress">
      <progress max={Math.max(end, 1)} value={Math.min(now, end)} aria-label="Run progress" />
      <span className="learn-progress-text">
        {draining
          ? `t = ${seconds(now)}: traffic over, last requests finishing`
          : `t = ${seconds(now)} of ${seconds(end)}`}
      </span>
    </div>
  );
}
