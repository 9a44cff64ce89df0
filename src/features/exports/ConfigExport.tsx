import {
  Fragment,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { CONFIG_FORMATS, exportConfig, type ConfigFormat } from './config/index.ts';
import { downloadText } from '../../lib/download.ts';
import { useApp } from '../../store/hooks.tsx';
import './ConfigExport.css';

/** A note's `code` spans as <code>, the rest as text (never as HTML). */
function withCode(text: string): ReactNode[] {
  return text
    .split('`')
    .map((part, i) => <Fragment key={i}>{i % 2 === 1 ? <code>{part}</code> : part}</Fragment>);
}

/**
 * The "Config…" button of the scenario menu and the dialog it opens: the current setup as an
 * NGINX upstream, an HAProxy backend or an Envoy cluster (one tab each), to copy or download, with
 * notes on what the product does differently from the simulation.
 */
export function ConfigExport() {
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ConfigFormat>('nginx');
  const [status, setStatus] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);
  const pre = useRef<HTMLPreElement>(null);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const snippet = useMemo(
    () => (open && setup ? exportConfig(setup, format) : null),
    [open, setup, format],
  );

  // The dialog is shown while asked for and there is a setup to show (a crash takes it away).
  const shown = snippet !== null;
  useEffect(() => {
    const d = dialog.current;
    if (shown && d && !d.open) d.showModal();
    if (!shown && d?.open) d.close();
  }, [shown]);

  function choose(next: ConfigFormat) {
    setFormat(next);
    setStatus('');
  }

  // Arrow keys, Home and End move between the tabs (the ARIA tabs pattern).
  function onTabKey(e: KeyboardEvent<HTMLButtonElement>, index: number) {
    const n = CONFIG_FORMATS.length;
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1 + n,
      Home: 0,
      End: n - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = to % n;
    choose(CONFIG_FORMATS[next]!.format);
    tabs.current[next]?.focus();
  }

  async function copy() {
    if (!snippet) return;
    try {
      await navigator.clipboard.writeText(snippet.text);
      setStatus('Copied to the clipboard.');
    } catch {
      // Where the clipboard is not allowed, select the text so Ctrl+C copies it.
      const selection = window.getSelection();
      if (pre.current && selection) selection.selectAllChildren(pre.current);
      setStatus(
        'The clipboard is not available here: the text is selected, press Ctrl+C to copy it.',
      );
    }
  }

  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="config.open"
        aria-haspopup="dialog"
        disabled={!setup}
        title="Show this setup (strategy, weights, limits, defences, autoscaling) as NGINX, HAProxy and Envoy configuration and a Kubernetes HorizontalPodAutoscaler"
        onClick={() => {
          setStatus('');
          setOpen(true);
        }}
      >
        Config…
      </button>
      <dialog
        ref={dialog}
        className="config-dialog"
        aria-labelledby="config-title"
        onClose={() => setOpen(false)}
        onClick={(e) => {
          if (e.target === e.currentTarget) setOpen(false); // a click on the backdrop
        }}
      >
        {snippet && (
          <div className="config-body">
            <div className="config-head">
              <h2 id="config-title">The setup as balancer configuration</h2>
              <button
                type="button"
                className="btn btn-small"
                data-testid="config.close"
                onClick={() => setOpen(false)}
              >
                Close
              </button>
            </div>
            <div className="config-tabs" role="tablist" aria-label="Balancer">
              {CONFIG_FORMATS.map(({ format: f, label }, i) => (
                <button
                  key={f}
                  ref={(el) => {
                    tabs.current[i] = el;
                  }}
                  type="button"
                  role="tab"
                  id={`config-tab-${f}`}
                  className="config-tab"
                  aria-selected={f === format}
                  aria-controls="config-panel"
                  tabIndex={f === format ? 0 : -1}
                  data-testid="config.tab"
                  data-format={f}
                  onClick={() => choose(f)}
                  onKeyDown={(e) => onTabKey(e, i)}
                >
                  {label}
                </button>
              ))}
            </div>
            <div
              role="tabpanel"
              id="config-panel"
              aria-labelledby={`config-tab-${format}`}
              className="config-panel"
            >
              <p className="config-method">
                {snippet.methodLabel ?? 'Strategy'}: <strong>{snippet.method}</strong>{' '}
                {snippet.exact
                  ? '(does what the simulation does)'
                  : '(the closest there is: see the notes)'}
              </p>
              <pre
                ref={pre}
                className="config-snippet"
                data-testid="config.snippet"
                tabIndex={0}
                aria-label={`${snippet.product} configuration`}
              >
                {snippet.text}
              </pre>
              <div className="config-actions">
                <button
                  type="button"
                  className="btn"
                  data-testid="config.copy"
                  onClick={() => void copy()}
                >
                  Copy
                </button>
                <button
                  type="button"
                  className="btn"
                  data-testid="config.download"
                  onClick={() => downloadText(snippet.fileName, snippet.text, snippet.mimeType)}
                >
                  Download {snippet.fileName}
                </button>
                <span className="config-status" role="status">
                  {status}
                </span>
              </div>
              <h3 className="config-notes-title">
                Where {snippet.product} differs from the simulation
              </h3>
              <ul className="config-notes" data-testid="config.notes">
                {snippet.notes.map((note, i) => (
                  <li key={i}>{withCode(note)}</li>
                ))}
              </ul>
              {snippet.defenceNotes.length > 0 && (
                <>
                  <h3 className="config-notes-title">
                    Where {snippet.product}’s defences differ (health checks, timeouts, retries)
                  </h3>
                  <ul className="config-notes" data-testid="config.defenceNotes">
                    {snippet.defenceNotes.map((note, i) => (
                      <li key={i}>{withCode(note)}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
