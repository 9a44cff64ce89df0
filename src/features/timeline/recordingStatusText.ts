import type { RecordingStatus } from '../../worker/protocol.ts';
import type { RecordingFile } from '../../store/recordingSlice.ts';
import { clockTime } from '../../lib/clockTime.ts';

const actions = (n: number) => `${n.toLocaleString('en')} action${n === 1 ? '' : 's'}`;

/**
 * What the recording line says: what is being recorded, how a replay is going, and what it means
 * for the replay being exact (an edit during a replay ends it; a full recording stops short).
 */
export function recordingStatusText(
  status: RecordingStatus | undefined,
  file: RecordingFile | null,
): string {
  const loaded = file
    ? ` Loaded “${file.name}” (${actions(file.actions)}): Replay runs it from its start.`
    : '';
  const replay = status?.replay;
  if (!status) return `The run is recorded from its start.${loaded}`;
  if (replay?.state === 'playing') {
    const end =
      replay.endAt === null
        ? ''
        : ` It pauses at ${clockTime(replay.endAt)}, where the recording ends.`;
    return (
      `Replaying: ${replay.applied} of ${actions(replay.total)} applied.${end} Changing anything ` +
      `ends the replay there, and the recording goes on from your change.${loaded}`
    );
  }
  if (replay?.state === 'finished') {
    const end =
      replay.endAt === null
        ? ''
        : `, paused at ${clockTime(replay.endAt)} where the recording ended`;
    const cut = replay.truncated
      ? ' The recording had been cut off at its limit, so the original may differ after its last action.'
      : '';
    return `Replay complete: all ${actions(replay.total)} applied${end}. Play goes on from here.${cut}${loaded}`;
  }
  if (replay?.state === 'stopped')
    return `Replay stopped after ${replay.applied} of ${actions(replay.total)}: ${replay.reason ?? 'ended early'}.${loaded}`;
  const full =
    status.truncatedAt === null
      ? ''
      : ` The limit was reached at ${clockTime(status.truncatedAt)}: later actions are not recorded, so a replay matches this run only up to there.`;
  return `Recording this run: ${actions(status.actions)} so far.${full}${loaded}`;
}
