/** Props of {@link SummaryStat}. */
export interface SummaryStatProps {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
  /** In the warning colour, with a ⚠ mark (not colour alone): something went wrong. */
  readonly warn?: boolean;
  /** What the number counts, for the tooltip. */
  readonly hint?: string;
}

/** One labelled number; the value is plain text so tests and screen readers read it as is. */
export function SummaryStat({ label, value, testId, warn = false, hint }: SummaryStatProps) {
  return (
    <div
      className={`summary-stat${warn ? ' summary-warn' : ''}${value.length >= 8 ? ' is-long' : ''}`}
      title={hint && `${label}: ${hint}`}
    >
      <dt>
        {warn && <span aria-hidden="true">⚠ </span>}
        {label}
      </dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
