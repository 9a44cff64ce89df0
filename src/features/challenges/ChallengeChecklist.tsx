import { goalTarget } from './content/index.ts';
import type { Challenge } from './content/types.ts';
import { useApp } from '../../store/hooks.tsx';
import { ChallengeCheckItem, type CheckRow } from './ChallengeCheckItem.tsx';

/** Props of {@link ChallengeChecklist}. */
export interface ChallengeChecklistProps {
  readonly challenge: Challenge;
}

/** The setup rules and the goals, as checked by the last "Check my setup" (if any). */
export function ChallengeChecklist({ challenge }: ChallengeChecklistProps) {
  const result = useApp((s) => s.learn.challenge?.result ?? null);
  const rules: CheckRow[] = challenge.constraints.map((c) => ({
    id: c.id,
    label: c.label,
    target: c.target,
    result: result?.constraints.find((r) => r.id === c.id),
  }));
  const goals: CheckRow[] = challenge.goals.map((g) => ({
    id: g.id,
    label: g.label,
    target: goalTarget(g),
    result: result?.goals.find((r) => r.id === g.id),
  }));
  return (
    <>
      <h4 className="challenge-section">Rules for your setup</h4>
      <ul className="challenge-items">
        {rules.map((row) => (
          <ChallengeCheckItem key={row.id} row={row} kind="constraint" />
        ))}
      </ul>
      <h4 className="challenge-section">Goals</h4>
      <ul className="challenge-items">
        {goals.map((row) => (
          <ChallengeCheckItem key={row.id} row={row} kind="goal" />
        ))}
      </ul>
    </>
  );
}
