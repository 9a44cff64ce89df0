import type { PhaseName } from './ioLayout.ts';

/** What went wrong with a strategy's code. */
export type SandboxErrorKind =
  /** The code does not parse. */
  | 'syntax'
  /** It parses, but selectServer or a hook is missing or not a function. */
  | 'definition'
  /** The code threw (at load, in selectServer or in a hook). */
  | 'threw'
  /** selectServer returned something that is not one of the servers it was offered. */
  | 'returned'
  /** A call ran past the time limit and was interrupted. */
  | 'timeout'
  /** The sandbox's memory ran out. */
  | 'memory'
  /** Too deep a recursion. */
  | 'stack';

/** Where in the strategy's life the error happened. */
export type SandboxErrorWhere = PhaseName | 'load';

/**
 * A strategy's code failed. The message is a complete sentence for the person who wrote the code
 * (it names the line where there is one); `line` and `column` (1-based) let an editor mark it.
 */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';

  constructor(
    readonly kind: SandboxErrorKind,
    message: string,
    readonly where: SandboxErrorWhere,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(message);
  }

  /** A plain object that crosses a worker boundary (structured clone drops the class). */
  toJSON(): SandboxErrorInfo {
    return {
      kind: this.kind,
      message: this.message,
      where: this.where,
      line: this.line,
      column: this.column,
    };
  }
}

/** A SandboxError as data. */
export interface SandboxErrorInfo {
  readonly kind: SandboxErrorKind;
  readonly message: string;
  readonly where: SandboxErrorWhere;
  readonly line: number | null;
  readonly column: number | null;
}

/** Whether `value` is a SandboxError's data (after crossing a boundary). */
export function isSandboxErrorInfo(value: unknown): value is SandboxErrorInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SandboxErrorInfo>;
  return typeof v.kind === 'string' && typeof v.message === 'string' && typeof v.where === 'string';
}

/** The details of a failure of the user's strategy, or null for any other error. */
export function sandboxErrorOf(error: unknown): SandboxErrorInfo | null {
  return error instanceof SandboxError ? error.toJSON() : null;
}
