import { SandboxError } from '../sandbox/sandboxError.ts';
import { SandboxHost } from '../sandbox/sandboxHost.ts';
import { MAX_CODE_CHARS } from '../sandbox/sandboxLimits.ts';
import type { StrategyCheck } from './protocol.ts';

/**
 * Where the worker gets QuickJS instances for the user's strategies: one kept for checking code
 * as it is typed, and a fresh one for each run or grading (a strategy that runs its instance out
 * of memory takes only that instance with it). No worker globals here: the compiled module comes
 * from the caller, so Node tests use the same class.
 */
export class StrategySandboxes {
  private checker: SandboxHost | null = null;

  constructor(private readonly compile: () => Promise<WebAssembly.Module>) {}

  /** A new QuickJS instance with its own memory. */
  async fresh(): Promise<SandboxHost> {
    return SandboxHost.create(await this.compile());
  }

  /** Whether `code` loads as a strategy, and if not what is wrong and where. Never throws. */
  async check(code: unknown): Promise<StrategyCheck> {
    const refused = codeProblem(code);
    if (refused !== null) return refused;
    try {
      this.checker ??= await this.fresh();
      this.checker.load(code as string).dispose();
      return { ok: true };
    } catch (error) {
      if (!(error instanceof SandboxError)) return unavailable(error);
      // Out of memory while loading: that instance is not to be trusted with the next check.
      if (error.kind === 'memory') this.checker = null;
      return { ok: false, error: error.toJSON() };
    }
  }
}

/** The code is not text, or is too long to be a strategy: refused before QuickJS sees it. */
export function codeProblem(code: unknown): StrategyCheck | null {
  if (typeof code !== 'string') return definitionError('The strategy code must be text.');
  if (code.length > MAX_CODE_CHARS) {
    return definitionError(
      `The strategy code is ${code.length.toLocaleString('en')} characters long; the most is ${MAX_CODE_CHARS.toLocaleString('en')}.`,
    );
  }
  return null;
}

function definitionError(message: string): StrategyCheck {
  return {
    ok: false,
    error: { kind: 'definition', message, where: 'load', line: null, column: null },
  };
}

/** The sandbox itself could not start (its .wasm did not load): said plainly, never thrown. */
function unavailable(error: unknown): StrategyCheck {
  const why = error instanceof Error ? error.message : String(error);
  return definitionError(`The strategy sandbox is not available: ${why}.`);
}
