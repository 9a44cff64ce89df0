import { SandboxError, type SandboxErrorKind, type SandboxErrorWhere } from './sandboxError.ts';

/** The file name QuickJS gives the user's code, so stack frames can be told from the prelude's. */
export const STRATEGY_FILE = 'strategy.js';

const FRAME = new RegExp(`${STRATEGY_FILE.replace('.', '\\.')}:(\\d+)(?::(\\d+))?`);

/** What QuickJS says about an exception (context.dump of the error handle). */
type Dumped = unknown;

interface Position {
  readonly line: number | null;
  readonly column: number | null;
}

/** The innermost frame in the user's code, from a QuickJS stack. */
function positionOf(dumped: Dumped): Position {
  if (typeof dumped !== 'object' || dumped === null) return { line: null, column: null };
  const stack = (dumped as { stack?: unknown }).stack;
  const match = typeof stack === 'string' ? FRAME.exec(stack) : null;
  if (match === null) {
    const line = (dumped as { lineNumber?: unknown }).lineNumber;
    return { line: typeof line === 'number' ? line : null, column: null };
  }
  return { line: Number(match[1]), column: match[2] === undefined ? null : Number(match[2]) };
}

/** "TypeError: cannot read property 'x' of null", or the thrown value when it is not an Error. */
function summary(dumped: Dumped): string {
  if (typeof dumped === 'object' && dumped !== null) {
    const { name, message } = dumped as { name?: unknown; message?: unknown };
    if (typeof message === 'string')
      return typeof name === 'string' ? `${name}: ${message}` : message;
    try {
      return JSON.stringify(dumped).slice(0, 120);
    } catch {
      return 'an object';
    }
  }
  return typeof dumped === 'string' ? JSON.stringify(dumped) : String(dumped);
}

function kindOf(dumped: Dumped, refused: boolean): SandboxErrorKind {
  if (refused) return 'returned';
  if (typeof dumped !== 'object' || dumped === null) return 'threw';
  const { name, message } = dumped as { name?: unknown; message?: unknown };
  if (name === 'SyntaxError' && typeof (dumped as { stack?: unknown }).stack === 'string') {
    // A SyntaxError the user's code threw at run time has frames with function names; one from
    // parsing points at the file alone.
    const stack = (dumped as { stack: string }).stack;
    if (!/ at [^(]+\(/.test(stack)) return 'syntax';
  }
  if (name === 'InternalError' && message === 'interrupted') return 'timeout';
  if (name === 'InternalError' && message === 'stack overflow') return 'stack';
  if (name === 'InternalError' && message === 'out of memory') return 'memory';
  // QuickJS throws null when it cannot even allocate the error.
  return 'threw';
}

/** How the error sentence names where it happened. */
function doing(where: SandboxErrorWhere): string {
  return where === 'load' ? 'The code, while loading,' : where;
}

/** Limits the sentences quote. */
export interface QuotedLimits {
  readonly callMs: number;
  readonly memoryBytes: number;
}

/**
 * Turns an exception out of QuickJS into a SandboxError whose message says, in a sentence, what
 * happened, in which function and on which line. `fallbackLine` is used when no frame of the
 * user's code is on the stack (a refused return value is noticed by the prelude, after the fact).
 */
export function explainError(
  dumped: Dumped,
  where: SandboxErrorWhere,
  refused: boolean,
  limits: QuotedLimits,
  fallbackLine: number | null,
): SandboxError {
  const outOfMemory = dumped === null;
  const kind = outOfMemory ? 'memory' : kindOf(dumped, refused);
  const at = positionOf(dumped);
  const line = at.line ?? fallbackLine;
  const prefix = line === null ? '' : `Line ${line}: `;
  let text: string;
  switch (kind) {
    case 'syntax':
      text = `${summary(dumped)}.`;
      break;
    case 'returned':
      text = `${(dumped as { message: string }).message} It must return one of the servers it was offered, or that server's index.`;
      break;
    case 'timeout':
      text = `${doing(where)} ran for more than ${limits.callMs} ms and was stopped (an endless loop?).`;
      break;
    case 'memory':
      text = `${doing(where)} ran out of memory (the sandbox has ${Math.round(limits.memoryBytes / 2 ** 20)} MB).`;
      break;
    case 'stack':
      text = `${doing(where)} recursed too deeply (stack overflow).`;
      break;
    default:
      text = `${doing(where)} threw ${summary(dumped)}`;
      // QuickJS records where only for Error objects.
      text += line === null ? ' (throw an Error to see the line it came from).' : '.';
  }
  return new SandboxError(kind, prefix + text, where, line, at.column);
}
