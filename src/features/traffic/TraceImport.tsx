import { useState } from 'react';
import { FileImportButton } from '../../ui/FileImportButton.tsx';
import { MAX_TRACE_BYTES } from './trafficForms.ts';

/**
 * Imports a recorded traffic trace from a CSV file of two columns (time, rate per second). A bad
 * file is refused as a whole with a message naming the line, so nothing half-read is ever run.
 */
export function TraceImport({
  onTrace,
}: {
  readonly onTrace: (points: [number, number][], name: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);

  async function read(file: File): Promise<void> {
    if (file.size > MAX_TRACE_BYTES) {
      setProblem(
        `${file.name} was not imported: it is over 1 MB (a trace has at most 100,000 points).`,
      );
      return;
    }
    // The reader loads with the first trace, not with the page.
    const { parseTraceCsv, traceProblemText } = await import('../../engine/scenario/traceCsv.ts');
    const parsed = parseTraceCsv(await file.text());
    if (!parsed.ok) {
      const first = parsed.problems.slice(0, 3).map(traceProblemText).join('; ');
      const more = parsed.problems.length > 3 ? ` (and ${parsed.problems.length - 3} more)` : '';
      setProblem(`${file.name} was not imported: ${first}${more}.`);
      return;
    }
    setProblem(null);
    onTrace(
      parsed.points.map((p) => [p[0], p[1]]),
      file.name,
    );
  }

  return (
    <div className="traffic-shape" data-testid="traffic.trace">
      <p className="traffic-label">Recorded trace</p>
      <FileImportButton
        label="Import CSV trace…"
        title="A CSV file of two columns: time (ms unless the header names seconds, minutes or hours) and rate per second"
        className="btn btn-small"
        disabled={false}
        accept=".csv,text/csv,text/plain"
        inputLabel="CSV trace file"
        inputTestId="traffic.traceFile"
        onFile={(f) => void read(f)}
      />
      <p className="traffic-note">
        Two columns, time and rate per second, one point a line; the rate is linear between points.
        Times are in ms unless the header names another unit (time_s, minutes, hours).
      </p>
      {problem && (
        <p className="traffic-problem" role="alert" data-testid="traffic.traceError">
          {problem}
        </p>
      )}
    </div>
  );
}
