import { useEffect, useRef } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { ConfigExport } from '../exports/index.ts';
import { FileImportButton } from '../../ui/FileImportButton.tsx';
import './ScenarioMenu.css';

const EXPORT_TITLE =
  'Download the setup (servers, strategy, cache, service times, keys, seed and the scenario’s own ' +
  'traffic) as a scenario file, which Import and the headless runner (npm run sim) read. The ' +
  'steady rate is not in the file: it is live traffic the scenario has no start or end for. ' +
  'Add a traffic entry {from, to, ratePerSec} to the file to keep it.';

/** Inputs where Ctrl+Z already means "undo my typing". */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  const notText = ['button', 'checkbox', 'radio', 'range', 'file', 'submit', 'reset', 'color'];
  return target instanceof HTMLInputElement && !notText.includes(target.type);
}

/**
 * The scenario's file menu in the toolbar: undo/redo of setup changes (also Ctrl/Cmd+Z and
 * Shift+Ctrl/Cmd+Z outside text fields), export and import of scenario files, the share link
 * (copied and also shown, to copy by hand where the clipboard is not allowed), the setup as
 * balancer configuration (ConfigExport) and a reset to the classic demo that forgets the autosave.
 */
export function ScenarioMenu() {
  const ready = useApp((s) => s.snapshot !== null);
  const canUndo = useApp((s) => s.canUndo);
  const canRedo = useApp((s) => s.canRedo);
  const shareLink = useApp((s) => s.shareLink);
  const undo = useApp((s) => s.undo);
  const redo = useApp((s) => s.redo);
  const exportScenario = useApp((s) => s.exportScenario);
  const importFile = useApp((s) => s.importFile);
  const copyShareLink = useApp((s) => s.copyShareLink);
  const closeShareLink = useApp((s) => s.closeShareLink);
  const openShareLink = useApp((s) => s.openShareLink);
  const resetToDefaults = useApp((s) => s.resetToDefaults);
  const linkField = useRef<HTMLInputElement>(null);
  const shareButton = useRef<HTMLButtonElement>(null);

  /** Closes the share-link box and gives focus back to the button that opened it. */
  function closeShare(): void {
    closeShareLink();
    shareButton.current?.focus();
  }

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      const isRedo = (key === 'z' && e.shiftKey) || (key === 'y' && e.ctrlKey && !e.shiftKey);
      if (!isRedo && !(key === 'z' && !e.shiftKey)) return;
      e.preventDefault();
      void (isRedo ? redo() : undo());
    }
    // A share link pasted into the address bar of an open page only changes the hash.
    const onHashChange = () => void openShareLink(window.location.hash);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('hashchange', onHashChange);
    };
  }, [undo, redo, openShareLink]);

  // A new link is selected at once, ready for Ctrl+C.
  useEffect(() => {
    if (shareLink) linkField.current?.select();
  }, [shareLink]);

  return (
    <div className="scenario-menu" role="group" aria-label="Scenario">
      <button
        type="button"
        className="btn"
        data-testid="scenario.undo"
        disabled={!canUndo}
        title="Undo the last change to the setup (Ctrl+Z)"
        onClick={() => void undo()}
      >
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button
        type="button"
        className="btn"
        data-testid="scenario.redo"
        disabled={!canRedo}
        title="Redo the change just undone (Shift+Ctrl+Z)"
        onClick={() => void redo()}
      >
        <span aria-hidden="true">↷</span> Redo
      </button>
      <button
        type="button"
        className="btn"
        data-testid="scenario.export"
        disabled={!ready}
        title={EXPORT_TITLE}
        onClick={() => void exportScenario()}
      >
        Export
      </button>
      <FileImportButton
        label="Import…"
        title="Load a scenario file (JSON, format v1, at most 1 MB); you can also drop one on the page"
        className="btn"
        disabled={!ready}
        inputLabel="Scenario file to import"
        inputTestId="scenario.import"
        onFile={(f) => void importFile(f)}
      />
      <button
        ref={shareButton}
        type="button"
        className="btn"
        data-testid="scenario.share"
        disabled={!ready}
        title="Copy a link that opens this setup (it is in the link itself; nothing is uploaded)"
        onClick={() => void copyShareLink()}
      >
        Copy share link
      </button>
      <ConfigExport />
      <button
        type="button"
        className="btn"
        data-testid="scenario.resetDefaults"
        disabled={!ready}
        title="Load the classic demo and forget the autosaved setup (Undo brings it back)"
        onClick={() => void resetToDefaults()}
      >
        Reset to defaults
      </button>
      {shareLink && (
        <div
          className="scenario-share"
          role="group"
          aria-label="Share link"
          onKeyDown={(e) => {
            if (e.key === 'Escape') closeShare();
          }}
        >
          <label htmlFor="scenario-share-url" className="scenario-share-label">
            {shareLink.copied ? 'Copied to the clipboard:' : 'Copy this link:'}{' '}
            <span className="scenario-share-length">
              {shareLink.url.length.toLocaleString('en-US')} characters
            </span>
          </label>
          <input
            ref={linkField}
            id="scenario-share-url"
            className="scenario-share-url"
            readOnly
            value={shareLink.url}
            data-testid="scenario.shareUrl"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="btn btn-small"
            data-testid="scenario.shareClose"
            onClick={closeShare}
          >
            Close
          </button>
        </div>
      )}
    </div>
  );
}
