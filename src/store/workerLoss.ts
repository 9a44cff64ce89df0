import type { OnWorkerLoss } from './simLink.ts';

/** A worker lost again this soon after being replaced is left for the person to restart. */
export const REPLACE_AGAIN_AFTER_MS = 30_000;

/** What the store does about a lost worker. */
export interface LossActions {
  /** Shows the crash banner (with its Restart button) and fails calls meanwhile. */
  readonly crashed: (message: string) => void;
  /** A fresh worker with the person's setup (the store's restart). */
  readonly restart: () => Promise<void>;
  /** A notice saying what happened. */
  readonly notify: (text: string) => void;
  /** Wall-clock ms (Date.now in the page). */
  readonly now?: () => number;
}

/**
 * What happens when the worker is lost. A crash (an uncaught error) shows the banner and waits
 * for the person's Restart, as before. A worker that stopped answering (closed, or stuck in an
 * endless loop) is already terminated by the client; it is replaced at once with a fresh one
 * holding the person's setup, and a notice says so. If the fresh one is lost again within 30 s
 * (the setup itself hangs it as it loads), it is not replaced again: the banner stays, so the
 * page never loops through workers.
 */
export function replaceStalled(actions: LossActions): OnWorkerLoss {
  const now = actions.now ?? (() => Date.now());
  let replacedAt = -Infinity;
  return (message, how) => {
    actions.crashed(message);
    if (how !== 'stalled' || now() - replacedAt < REPLACE_AGAIN_AFTER_MS) return;
    replacedAt = now();
    void actions
      .restart()
      .then(() =>
        actions.notify(
          `The simulation was replaced: ${message}. A fresh one now runs your setup from 0 s ` +
            '(paused); your servers, strategy and traffic are as they were.',
        ),
      );
  };
}
