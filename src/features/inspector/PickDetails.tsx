import type { PickRecord } from '../../engine/metrics/pickLog.ts';
import { STRATEGY_INFO, type StrategyName } from '../../engine/strategies/index.ts';
import { serverColour } from '../../lib/palette.ts';
import { formatCount, formatSimTime } from '../../lib/format.ts';
import { useApp, useShallow } from '../../store/hooks.tsx';
import { countOf } from '../../lib/words.ts';

/** Props of {@link PickDetails}. */
export interface PickDetailsProps {
  readonly pick: PickRecord;
}

/** A score as read: whole numbers grouped (ring distances run to billions), others to 3 digits. */
function score(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return Number.isInteger(x) ? formatCount(x) : String(+x.toPrecision(3));
}

const strategyLabel = (name: string) =>
  name in STRATEGY_INFO ? STRATEGY_INFO[name as StrategyName].label : name;

/**
 * One routing decision explained: the candidates the strategy looked at with their scores (a
 * bar and the number), which one it chose, the rule that made it, and what happened next.
 */
export function PickDetails({ pick }: PickDetailsProps) {
  // Names as they are now, by slot (a removed server is named by its slot).
  const names = useApp(
    useShallow((s) =>
      pick.candidates.map((c) => s.snapshot?.servers.find((v) => v.slot === c.slot)?.name ?? null),
    ),
  );
  const top = Math.max(0, ...pick.candidates.map((c) => (Number.isFinite(c.score) ? c.score : 0)));
  const hidden = pick.considered - pick.candidates.length;
  const attempt = pick.attempt > 0 ? ` · retry ${pick.attempt}` : '';
  const balancer = pick.balancer > 0 ? ` · balancer ${pick.balancer + 1}` : '';

  return (
    <div className="inspector-pick">
      <p className="inspector-head">
        <strong>Request #{formatCount(pick.requestId)}</strong>
        {attempt}
        {balancer} · at {formatSimTime(pick.time)} · {strategyLabel(pick.strategy)}
      </p>
      <p className="inspector-score">
        Score: <strong>{pick.scoreName || '—'}</strong>{' '}
        {pick.lowerWins ? '(lowest wins)' : '(not a contest of scores: the rule decides)'}
      </p>
      <ol className="inspector-candidates" aria-label="Candidates the strategy looked at">
        {pick.candidates.map((c, i) => {
          const chosen = c.slot === pick.chosen;
          const share = top > 0 && Number.isFinite(c.score) ? Math.max(0, c.score) / top : 0;
          return (
            <li
              key={`${c.slot}-${i}`}
              className={chosen ? 'inspector-candidate is-chosen' : 'inspector-candidate'}
              data-testid="inspector.candidate"
              data-slot={c.slot}
              data-chosen={chosen}
            >
              <span
                className="inspector-swatch"
                style={{ background: serverColour(c.slot) }}
                aria-hidden="true"
              />
              <span className="inspector-name" title={names[i] ?? undefined}>
                {names[i] ?? `slot ${c.slot} (removed)`}
              </span>
              <span className="inspector-bar" aria-hidden="true">
                <span
                  className="inspector-bar-fill"
                  style={{ background: serverColour(c.slot), transform: `scaleX(${share})` }}
                />
              </span>
              <span className="inspector-value">{score(c.score)}</span>
              <span className="inspector-mark">{chosen ? '✓ chosen' : ''}</span>
            </li>
          );
        })}
      </ol>
      {pick.chosen < 0 && <p className="inspector-none">The strategy chose no server.</p>}
      {hidden > 0 && (
        <p className="inspector-more" data-testid="inspector.considered">
          It looked at {countOf(pick.considered, 'server')}; the first{' '}
          {formatCount(pick.candidates.length)} are shown.
        </p>
      )}
      <p className="inspector-rule" data-testid="inspector.rule">
        {pick.rule}
      </p>
      <p className="inspector-outcome" data-testid="inspector.outcome">
        <span className="inspector-label">Then: </span>
        {pick.outcome}
      </p>
    </div>
  );
}
