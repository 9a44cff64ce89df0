import type { GradeReport } from '../../sandbox/exercises/gradeReport.ts';
import { gradeSummary } from '../../sandbox/exercises/gradeReport.ts';

/** The grader's verdict: a summary line, then every hidden case with what was expected and done. */
export function GradeReportView({ report }: { readonly report: GradeReport }) {
  return (
    <div className="grade-report" data-testid="exercise.report">
      <p
        className={`grade-summary ${report.passed ? 'is-passed' : 'is-failed'}`}
        role="status"
        data-testid="exercise.summary"
      >
        {report.passed ? '✓ ' : ''}
        {gradeSummary(report)}
      </p>
      {report.cases.length > 0 && (
        <ol className="grade-cases">
          {report.cases.map((c) => (
            <li
              key={c.name}
              className={c.passed ? 'is-passed' : 'is-failed'}
              data-testid="exercise.case"
            >
              <span className="grade-mark" aria-label={c.passed ? 'passed' : 'failed'}>
                {c.passed ? '✓' : '✗'}
              </span>{' '}
              <strong>{c.name}</strong>
              {!c.passed && (
                <dl className="grade-detail">
                  <dt>Expected</dt>
                  <dd>{c.expected}</dd>
                  <dt>Your code</dt>
                  <dd>{c.actual}</dd>
                </dl>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
