/**
 * The log lines written for every request (the demo's "handling", "completed", ... lines), kept
 * in the log as a code and a few numbers and turned into text only when someone reads them: a
 * busy run writes millions of these and the page shows a few hundred. The server's name is kept
 * as it was when the line was written (a reference to the pool's string, not a copy).
 */

/** Server `source` starts request a; load b/c. */
export const HANDLING = 1;
/** Server `source` finished request a; load b/c. */
export const COMPLETED = 2;
/** Request a waits at `source`, b waiting there. */
export const QUEUED_AT = 3;
/** Request a found no healthy server. */
export const NO_HEALTHY = 4;
/** Request a was sent to `source`, which was full. */
export const OVERLOADED = 5;
/** Request a failed at `source` for the reason in `text`. */
export const FAILED_AT = 6;
/** Request a timed out after b ms. */
export const TIMED_OUT_AFTER = 7;
/** Request a is retried as attempt b in c ms. */
export const RETRYING = 8;
/** The budget refused a retry of request a. */
export const RETRY_REFUSED = 9;

// Overload control's lines (issue 15), numbered apart so other features' codes can grow.
/** Request a was shed by `source` because of what `text` says. */
export const SHED_BY = 40;
/** Request a was refused: `source` holds its learned limit of b. */
export const LIMITED_AT = 41;
/** Request a was rejected by the client itself, which rejects b% now. */
export const THROTTLED = 42;
/** Request a was hedged to `source` after b ms. */
export const HEDGED_TO = 43;
/** A hedge of request a was refused: the hedge budget is spent. */
export const HEDGE_REFUSED = 44;

/** The text of a coded line; `text` is the line itself for code 0 (a line written as text). */
export function requestLine(
  code: number,
  source: string,
  text: string,
  a: number,
  b: number,
  c: number,
): string {
  switch (code) {
    case HANDLING:
      return `Server ${source} handling request ${a}. Load: ${b}/${c}`;
    case COMPLETED:
      return `Server ${source} completed request ${a}. Load: ${b}/${c}`;
    case QUEUED_AT:
      return `Request ${a} queued at ${source} (${b} waiting)`;
    case NO_HEALTHY:
      return `Request ${a} failed: No healthy servers available!`;
    case OVERLOADED:
      return `Request ${a} failed: ${source} is overloaded!`;
    case FAILED_AT:
      return `Request ${a} failed at ${source}: ${text}`;
    case TIMED_OUT_AFTER:
      return `Request ${a} timed out after ${b} ms`;
    case RETRYING:
      return `Retrying request ${a} (attempt ${b}) in ${c} ms`;
    case RETRY_REFUSED:
      return `Retry of request ${a} refused: budget spent`;
    case SHED_BY:
      return `Request ${a} shed by ${source}: ${text}`;
    case LIMITED_AT:
      return `Request ${a} limited: ${source} is at its concurrency limit of ${b}`;
    case THROTTLED:
      return `Request ${a} throttled by the client (rejecting ${b}% now)`;
    case HEDGED_TO:
      return `Request ${a} hedged to ${source} after ${b} ms`;
    case HEDGE_REFUSED:
      return `Hedge of request ${a} refused: hedge budget spent`;
    default:
      return text;
  }
}
