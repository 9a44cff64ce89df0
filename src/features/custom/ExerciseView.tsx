import { useMemo } from 'react';
import { exerciseById, type ExerciseId } from '../../sandbox/exercises/catalog.ts';
import { useApp } from '../../store/hooks.tsx';
import { CodeEditor, type CodeProblem } from './CodeEditor.tsx';
import { GradeReportView } from './GradeReportView.tsx';

/** One exercise: what to build, the code so far, grading, a hint and the reference solution. */
export function ExerciseView({ id }: { readonly id: ExerciseId }) {
  const exercise = exerciseById(id);
  const code = useApp((s) => s.strategyCode.attempts[id]) ?? exercise.starter;
  const grading = useApp((s) => s.strategyCode.grading);
  const report = useApp((s) => s.strategyCode.report);
  const gradeError = useApp((s) => s.strategyCode.gradeError);
  const hintShown = useApp((s) => s.strategyCode.hintShown);
  const solutionShown = useApp((s) => s.strategyCode.solutionShown);
  const actions = useApp((s) => s.strategyCode);
  const problems = useMemo<CodeProblem[]>(() => {
    const error = report?.loadError;
    return error ? [{ line: error.line, column: error.column, message: error.message }] : [];
  }, [report]);

  return (
    <div className="exercise" data-testid="exercise.view">
      <button
        type="button"
        className="link-button"
        onClick={() => actions.openExercise(null)}
        disabled={grading !== null}
      >
        ← All exercises
      </button>
      <h3>{exercise.title}</h3>
      <p>{exercise.statement}</p>
      <p className="exercise-judged">
        <strong>Judged on:</strong> {exercise.judged}
      </p>
      <CodeEditor
        value={code}
        onChange={actions.setAttempt}
        problems={problems}
        label={`Your ${exercise.title.toLowerCase()} strategy`}
        testId="exercise.editor"
      />
      <div className="exercise-actions">
        <button
          type="button"
          data-testid="exercise.grade"
          disabled={grading !== null}
          onClick={() => void actions.grade(code)}
        >
          {grading === null
            ? 'Grade'
            : `Grading… ${grading.simulatedMs} of ${grading.endMs || '?'} cases`}
        </button>
        {grading !== null && (
          <button type="button" onClick={actions.stopGrading}>
            Stop
          </button>
        )}
        <button type="button" onClick={actions.showHint} disabled={hintShown}>
          Hint
        </button>
        <button
          type="button"
          data-testid="exercise.showSolution"
          onClick={actions.showSolution}
          disabled={solutionShown}
        >
          Show the solution
        </button>
      </div>
      {hintShown && (
        <p className="exercise-hint" data-testid="exercise.hint">
          {exercise.hint}
        </p>
      )}
      {gradeError !== null && (
        <p className="exercise-error" role="alert">
          {gradeError}
        </p>
      )}
      {report !== null && <GradeReportView report={report} />}
      {solutionShown && (
        <div className="exercise-solution" data-testid="exercise.solution">
          <p>A reference solution (it passes every case):</p>
          <CodeEditor
            value={exercise.solution}
            readOnly
            label={`Reference solution: ${exercise.title}`}
            testId="exercise.solutionCode"
          />
          <button type="button" onClick={() => actions.setAttempt(exercise.solution)}>
            Use it as my code
          </button>
        </div>
      )}
    </div>
  );
}
