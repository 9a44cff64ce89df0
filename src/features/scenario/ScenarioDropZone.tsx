import { useEffect, useState } from 'react';
import { useApp } from '../../store/hooks.tsx';
import './ScenarioDropZone.css';

/** A drag that carries files (not text or a link dragged from the page). */
function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Drag-and-drop import anywhere on the page: while files are dragged over the window an overlay
 * says what dropping does; dropping loads the first file like the Import button (1 MB cap, then
 * the worker validates it). Dragging is mouse-only, so the overlay is hidden from assistive
 * technology; the Import button is the keyboard's way in.
 */
export function ScenarioDropZone() {
  const importFile = useApp((s) => s.importFile);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; the count says when the window is left.
    let depth = 0;
    function onEnter(e: DragEvent): void {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    }
    function onOver(e: DragEvent): void {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allows the drop (and stops the browser opening the file)
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    }
    function onLeave(e: DragEvent): void {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    }
    function onDrop(e: DragEvent): void {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    }
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFile]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="scenario.dropOverlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <p className="drop-overlay-title">Drop a scenario file to load it</p>
        <p className="drop-overlay-hint">
          JSON in the v1 format, at most 1 MB. Undo brings the current setup back.
        </p>
      </div>
    </div>
  );
}
