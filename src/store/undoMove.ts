import type { CommandResult } from '../worker/protocol.ts';
import { stepCommand, type EditStep } from './editSteps.ts';
import type { HistoryEntry, HistoryMove } from './history.ts';
import type { StoreCore } from './scenarioActions.ts';

/** How long to wait for a snapshot that shows a server an earlier step just added or renamed. */
const SNAPSHOT_WAIT_MS = 1000;

/**
 * Applies an undo or redo to the running simulation.
 *
 * An edit is undone by sending the inverse commands through `command`, as if the person had made
 * the opposite edit: the run keeps going (its clock, requests in flight, charts and log stay), which
 * is what someone exploring "what if" wants. Only where no such commands exist (undoing a load, a
 * server removed from the middle of the list, a step the worker refuses) is the earlier setup
 * reloaded, which restarts the run from 0 s; the live steady rate is then sent again, so the
 * traffic the person set keeps flowing. Returns false when neither worked (nothing changed).
 */
export async function applyMove(
  core: StoreCore,
  move: HistoryMove,
  direction: 'undo' | 'redo',
): Promise<boolean> {
  const steps = direction === 'undo' ? move.from.backward : move.to.forward;
  if (steps && (await runSteps(core, steps))) return true;
  return reload(core, move.to);
}

function slotIn(core: StoreCore, name: string): number | undefined {
  return core.get().snapshot?.servers.find((s) => s.name === name)?.slot;
}

/** Resolves once the page's snapshot shows a server called `name`, or after a second. */
function serverShown(core: StoreCore, name: string): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(finish, SNAPSHOT_WAIT_MS);
    const unsubscribe = core.subscribe(() => {
      if (slotIn(core, name) !== undefined) finish();
    });
  });
}

async function runSteps(core: StoreCore, steps: readonly EditStep[]): Promise<boolean> {
  for (const step of steps) {
    // Slots come from the latest snapshot, which may be a frame behind an add or a rename.
    if ('server' in step && slotIn(core, step.server) === undefined) {
      await serverShown(core, step.server);
    }
    const cmd = stepCommand(step, (name) => slotIn(core, name));
    if (!cmd) return false;
    const result = await core.call<CommandResult>((api) => api.command(cmd));
    if (!result?.ok) return false;
    if (cmd.type === 'setSeed') core.restartCursors();
  }
  return true;
}

async function reload(core: StoreCore, entry: HistoryEntry): Promise<boolean> {
  const rate = core.get().snapshot?.steadyRate ?? 0;
  const result = await core.load(entry.setup, 'The earlier setup');
  if (!result?.ok) return false;
  core.set({ presetId: entry.presetId });
  if (rate > 0)
    await core.call<CommandResult>((api) => api.command({ type: 'setRate', ratePerSec: rate }));
  return true;
}
