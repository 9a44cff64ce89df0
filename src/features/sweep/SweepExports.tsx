import { useState } from 'react';
import { resultJson } from '../../engine/sweep/results.ts';
import { useApp } from '../../store/hooks.tsx';
import { downloadText } from '../../lib/download.ts';
import { sweepCsv } from './sweepCsv.ts';
import { encodeSweepHash } from './sweepLink.ts';

/** A file name from the sweep's name: "The knee" → "the-knee". */
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'sweep';

/**
 * Downloads of the sweep shown: its file (what `npm run sweep` reads), its results as CSV and as
 * JSON (byte for byte what `npm run sweep -- --json` prints for the file, once complete; the
 * points so far, marked partial, after a stop), and a share link carrying the file.
 */
export function SweepExports() {
  const file = useApp((s) => s.sweep.file);
  const plan = useApp((s) => s.sweep.plan);
  const points = useApp((s) => s.sweep.points);
  const result = useApp((s) => s.sweep.result);
  const running = useApp((s) => s.sweep.job !== null);
  const [link, setLink] = useState<{ url: string; note: string } | null>(null);
  if (plan === null) return null;
  const name = slug(plan.header.name);
  const partial = result === null;

  const share = async () => {
    const encoded = await encodeSweepHash(file);
    if (!encoded.ok) {
      setLink({ url: '', note: encoded.message });
      return;
    }
    const url = `${location.origin}${location.pathname}${encoded.hash}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No permission or an insecure page: the link is shown to copy by hand.
    }
    setLink({ url, note: copied ? 'Copied to the clipboard.' : 'Copy the link below.' });
  };

  return (
    <div className="sweep-exports">
      <button
        type="button"
        className="btn"
        data-testid="sweep.export-file"
        onClick={() =>
          downloadText(
            `${name}.sweep.json`,
            `${JSON.stringify(file, null, 2)}\n`,
            'application/json',
          )
        }
      >
        Sweep file
      </button>
      <button
        type="button"
        className="btn"
        data-testid="sweep.export-csv"
        disabled={running || points.length === 0}
        onClick={() =>
          downloadText(
            `${name}${partial ? '-partial' : ''}.csv`,
            sweepCsv(plan.header, points),
            'text/csv',
          )
        }
      >
        Results CSV
      </button>
      <button
        type="button"
        className="btn"
        data-testid="sweep.export-json"
        disabled={running || points.length === 0}
        onClick={() =>
          downloadText(
            `${name}${partial ? '-partial' : ''}.json`,
            result
              ? resultJson(result)
              : `${JSON.stringify({ ...plan.header, partial: true, points }, null, 2)}\n`,
            'application/json',
          )
        }
      >
        Results JSON
      </button>
      <button type="button" className="btn" data-testid="sweep.share" onClick={() => void share()}>
        Share link
      </button>
      {link && (
        <p className="sweep-link" role="status">
          {link.note}
          {link.url && (
            <input
              type="text"
              readOnly
              aria-label="Sweep share link"
              data-testid="sweep.link"
              value={link.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
        </p>
      )}
    </div>
  );
}
