import type { ItemResult } from './content/types.ts';

/** A rule or goal as listed: what it asks for and, after a check, how it went. */
export interface CheckRow {
  readonly id: string;
  readonly label: string;
  readonly target: string;
  readonly result: ItemResult | undefined;
}

/** Props of {@link ChallengeCheckItem}. */
export interface ChallengeCheckItemProps {
  readonly row: CheckRow;
  readonly kind: 'constraint' | 'goal';
}

/** One rule or goal: its target, and after a check the measured value and pass or fail. */
export function ChallengeCheckItem({ row, kind }: ChallengeCheckItemProps) {
  const outcome = row.result ? (row.result.pass ? 'pass' : 'fail') : 'pending';
  return (
    <li
      className={`challenge-item is-${outcome}`}
      data-testid={`challenge.${kind}`}
      {...{ [`data-${kind}`]: row.id }}
      data-outcome={outcome}
    >
      <span className="challenge-mark" aria-hidden="true">
        {outcome === 'pass' ? '✓' : outcome === 'fail' ? '✗' : '○'}
      </span>
      <span className="challenge-label">{row.label}</span>
      <span className="challenge-value">
        {row.result ? (
          <>
            {row.result.value} <span className="challenge-target">(target {row.target})</span>
            <span className="visually-hidden">{row.result.pass ? ', passed' : ', failed'}</span>
          </>
        ) : (
          <span className="challenge-target">{row.target}</span>
        )}
      </span>
    </li>
  );
}
