import { useApp } from '../../store/hooks.tsx';
import { FileImportButton } from '../../ui/FileImportButton.tsx';
import { recordingStatusText } from './recordingStatusText.ts';
import '../../ui/Controls.css';
import './TimelineScrubber.css';

const EXPORT_TITLE =
  'Download this run as a recording: the setup and seed it started from and every live change ' +
  '(bursts, rate, servers, strategy…) with the exact moment it happened. Replay reproduces it.';

/** A file name short enough for a button. */
const short = (name: string) => (name.length > 28 ? `${name.slice(0, 27)}…` : name);

/**
 * The run's recording: what has been recorded (or how a replay is going), export it, import a
 * recording file, and replay (the imported recording, else this run from its start).
 */
export function RecordingControls() {
  const ready = useApp((s) => s.snapshot !== null);
  // A string: the line re-renders when its words change, not with every snapshot.
  const text = useApp((s) => recordingStatusText(s.snapshot?.recording, s.recordingFile));
  const file = useApp((s) => s.recordingFile);
  const exportRecording = useApp((s) => s.exportRecording);
  const importRecording = useApp((s) => s.importRecording);
  const replay = useApp((s) => s.replay);

  return (
    <div className="recording" role="group" aria-label="Recording">
      <p className="recording-status" data-testid="recording.status">
        {text}
      </p>
      <button
        type="button"
        className="btn btn-small"
        data-testid="recording.export"
        disabled={!ready}
        title={EXPORT_TITLE}
        onClick={() => void exportRecording()}
      >
        Export recording
      </button>
      <FileImportButton
        label="Import recording…"
        title="Load a recording file made by Export recording (JSON, at most 8 MB)"
        className="btn btn-small"
        disabled={!ready}
        inputLabel="Recording file to import"
        inputTestId="recording.import"
        onFile={(f) => void importRecording(f)}
      />
      <button
        type="button"
        className="btn btn-small"
        data-testid="recording.replay"
        disabled={!ready}
        title="Start over from the recording's setup and seed, applying each recorded change at its moment"
        onClick={() => void replay()}
      >
        {file ? `Replay “${short(file.name)}”` : 'Replay this run'}
      </button>
    </div>
  );
}
