import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import './ChartDownload.css';

/** Props of {@link ChartDownload}. */
export interface ChartDownloadProps {
  /** The element holding the chart (its legend and drawing). */
  readonly target: RefObject<HTMLElement | null>;
  /** The chart's name: the picture's title and its file name. */
  readonly name: string;
}

/**
 * A small "download" button on a chart that offers it as SVG or PNG (for slides and notes). The
 * code that draws the file loads only when a download is asked for.
 */
export function ChartDownload({ target, name }: ChartDownloadProps) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector('button')?.focus();
    const onPointer = (e: PointerEvent) => {
      const inside =
        menu.current?.contains(e.target as Node) || button.current?.contains(e.target as Node);
      if (!inside) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function close(): void {
    setOpen(false);
    button.current?.focus();
  }

  async function download(format: 'svg' | 'png'): Promise<void> {
    close();
    const el = target.current;
    if (!el) return;
    try {
      const { downloadChart } = await import('../lib/chartExport.ts');
      await downloadChart(el, name, format);
      setProblem(null);
    } catch (e) {
      setProblem(`The ${format.toUpperCase()} could not be made: ${(e as Error).message}`);
    }
  }

  return (
    <div className="chart-download" onKeyDown={(e) => e.key === 'Escape' && open && close()}>
      <button
        ref={button}
        type="button"
        className="chart-download-button"
        data-testid="chart.download"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        title={`Download “${name}” as a picture`}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
          <path
            d="M6 1v7 M3 5l3 3 3-3 M1.5 10.5h9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
        </svg>
        <span className="visually-hidden">Download {name}</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="chart-download-menu"
          role="group"
          aria-label={`Download ${name} as`}
        >
          <button
            type="button"
            data-testid="chart.download.svg"
            onClick={() => void download('svg')}
          >
            SVG <span className="chart-download-hint">for slides, scales cleanly</span>
          </button>
          <button
            type="button"
            data-testid="chart.download.png"
            onClick={() => void download('png')}
          >
            PNG <span className="chart-download-hint">an image, twice screen size</span>
          </button>
        </div>
      )}
      {problem && (
        <p className="chart-download-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
