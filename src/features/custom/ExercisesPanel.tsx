import { lazy, Suspense } from 'react';
import { EXERCISES } from '../../sandbox/exercises/catalog.ts';
import { useApp } from '../../store/hooks.tsx';
import { PanelDisclosure } from '../../ui/PanelDisclosure.tsx';
import './custom.css';

/** The open exercise, with its code editor: loaded only once an exercise is opened. */
const ExerciseView = lazy(async () => ({
  default: (await import('./ExerciseView.tsx')).ExerciseView,
}));

/**
 * Strategy exercises: write the balancing rule interviews ask for, in the sandbox, and have it
 * graded against hidden cases. Closed to one line until opened; its code loads on demand.
 */
export function ExercisesPanel() {
  const open = useApp((s) => s.strategyCode.exercisesOpen);
  const setOpen = useApp((s) => s.strategyCode.setExercisesOpen);
  const exercise = useApp((s) => s.strategyCode.exercise);
  const openExercise = useApp((s) => s.strategyCode.openExercise);
  return (
    <section className="panel learn-panel exercises-panel" aria-labelledby="exercises-title">
      <PanelDisclosure
        id="exercises-title"
        title="Strategy exercises"
        hint={`${EXERCISES.length} graded exercises`}
        open={open}
        onToggle={setOpen}
        controls="exercises-body"
        testId="exercise.toggle"
      />
      <div id="exercises-body" hidden={!open}>
        {open &&
          (exercise !== null ? (
            <Suspense fallback={<p aria-busy="true">Loading the editor…</p>}>
              <ExerciseView id={exercise} />
            </Suspense>
          ) : (
            <ul className="exercise-list">
              {EXERCISES.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    data-testid={`exercise.open.${e.id}`}
                    onClick={() => openExercise(e.id)}
                  >
                    {e.title}
                  </button>
                  <span className="exercise-teaser">{e.statement}</span>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </section>
  );
}
