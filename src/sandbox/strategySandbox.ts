import { Lifetime } from 'quickjs-emscripten-core';
import type {
  JSValuePointer,
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import { describeReturn } from './describeReturn.ts';
import { callRaw, rawCallOf, type RawCall } from './rawCall.ts';
import { explainError, STRATEGY_FILE } from './explainError.ts';
import { IO, IO_FLOATS, PHASE, RECORD_FLOATS, type PhaseName } from './ioLayout.ts';
import { sandboxPrelude } from './prelude.ts';
import type { PoolEntry } from './preludeTypes.ts';
import { SandboxError, type SandboxErrorWhere } from './sandboxError.ts';
import { SANDBOX_MEMORY_BYTES, type SandboxLimits } from './sandboxLimits.ts';
import { findSharedFloats, newMagic, SharedFloats } from './sharedBuffer.ts';
import { declarationLine } from './sourceLines.ts';

/** Reads the user's functions from the global scope, `const` and `class` bindings included. */
const FIND_FUNCTIONS = `({
  selectServer: typeof selectServer === 'undefined' ? undefined : selectServer,
  onComplete: typeof onComplete === 'undefined' ? undefined : onComplete,
  onServerChange: typeof onServerChange === 'undefined' ? undefined : onServerChange,
})`;

/**
 * The prelude's source, called with its arguments. Transpilers may wrap functions in a naming
 * helper (esbuild's keepNames, which tsx uses, adds `__name(fn, "name")`); an identity one is
 * supplied so the same text runs whichever tool built this module.
 */
function preludeSource(magic: number[]): string {
  const args = [magic, IO, PHASE, RECORD_FLOATS].map((a) => JSON.stringify(a)).join(', ');
  const prelude = sandboxPrelude.toString();
  return `(() => { const __name = (f) => f; return (${prelude})(${args}, ${describeReturn.toString()}); })()`;
}

const PHASE_NAMES: Record<number, PhaseName> = {
  [PHASE.selectServer]: 'selectServer',
  [PHASE.onComplete]: 'onComplete',
  [PHASE.onServerChange]: 'onServerChange',
};

/**
 * One strategy's code in a QuickJS runtime and context of its own: no DOM, no network, no timers,
 * no clock and no host objects, only ECMAScript's built-ins and the strategy API the prelude sets
 * up. Each call into it is interrupted after `limits.callMs`; its memory is capped. After the first
 * error it stays failed: every later call throws the same SandboxError.
 */
export class StrategySandbox {
  /** The numbers shared with the prelude (see ioLayout.ts); valid until the next call. */
  readonly shared: SharedFloats;
  /** The error that stopped this sandbox, if any. */
  failure: SandboxError | null = null;
  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  private readonly step: QuickJSHandle;
  private readonly syncPool: QuickJSHandle;
  private readonly handles: QuickJSHandle[] = [];
  /** The step function's pointers for the FFI fast path, or null to use the public call. */
  private readonly raw: RawCall | null;
  /** Counts calls, so the interrupt handler can tell a long call from a new one. */
  private calls = 0;
  private watchedCall = -1;
  private watchedSince = 0;

  constructor(
    quickjs: QuickJSWASMModule,
    memory: WebAssembly.Memory,
    private readonly code: string,
    private readonly limits: SandboxLimits,
  ) {
    this.runtime = quickjs.newRuntime({
      memoryLimitBytes: limits.heapBytes,
      maxStackSizeBytes: limits.stackBytes,
    });
    this.runtime.setInterruptHandler(() => this.tooLong());
    // Every ECMAScript built-in but Date: a clock would make a run depend on when it ran.
    this.context = this.runtime.newContext({
      intrinsics: {
        BaseObjects: true,
        Eval: true,
        StringNormalize: true,
        RegExp: true,
        JSON: true,
        Proxy: true,
        MapSet: true,
        TypedArrays: true,
        Promise: true,
      },
    });
    try {
      const magic = newMagic();
      const exports = this.keep(this.evaluate(preludeSource(magic), 'prelude.js'));
      this.step = this.keep(this.context.getProp(exports, 'step'));
      this.syncPool = this.keep(this.context.getProp(exports, 'sync'));
      this.shared = this.locate(memory, magic, exports);
      this.raw = rawCallOf(quickjs, this.context, this.step);
      this.evaluate(code, STRATEGY_FILE).dispose();
      const found = this.keep(this.evaluate(FIND_FUNCTIONS, 'find.js'));
      const problem = this.callFunction(exports, 'init', found);
      if (problem !== '') throw new SandboxError('definition', problem, 'load');
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  /**
   * Runs one step: the journal the caller wrote into `shared` (IO.journal onwards, its length at
   * IO.journalLength), then a pick when IO.pick is 1. Throws a SandboxError when the code fails.
   */
  call(): void {
    if (this.failure !== null) throw this.failure;
    this.calls++;
    if (this.raw !== null) {
      const error = callRaw(this.raw);
      if (error !== 0) this.failWithPointer(error);
      return;
    }
    const result = this.context.callFunction(this.step, this.context.undefined);
    if (result.error) this.failInStep(result.error);
    result.value.dispose();
  }

  /** Replaces the registered servers (on the first pick, and when membership or names change). */
  sync(entries: readonly PoolEntry[]): void {
    if (this.failure !== null) throw this.failure;
    this.calls++;
    const json = this.context.newString(JSON.stringify(entries));
    const result = this.context.callFunction(this.syncPool, this.context.undefined, json);
    json.dispose();
    if (result.error) this.fail(result.error, 'onServerChange', false);
    result.value.dispose();
  }

  /** Frees the runtime. A runtime QuickJS cannot free cleanly goes with its host instead. */
  dispose(): void {
    // Out of memory, QuickJS may hold objects it cannot account for, and freeing the runtime
    // would abort the whole instance; the host's instance is dropped with the run instead.
    if (this.failure?.kind === 'memory') return;
    try {
      for (const handle of this.handles) if (handle.alive) handle.dispose();
      if (this.context.alive) this.context.dispose();
      if (this.runtime.alive) this.runtime.dispose();
    } catch {
      // Nothing more to free here: the host's instance goes with the run.
    }
  }

  private tooLong(): boolean {
    const now = Date.now();
    if (this.watchedCall !== this.calls) {
      // The first interrupt check of this call: start its clock (checks come every few thousand
      // instructions, so at most a millisecond or so is missed).
      this.watchedCall = this.calls;
      this.watchedSince = now;
      return false;
    }
    return now - this.watchedSince > this.limits.callMs;
  }

  private keep(handle: QuickJSHandle): QuickJSHandle {
    this.handles.push(handle);
    return handle;
  }

  /** Evaluates a script in the global scope; throws a SandboxError (at load) when it fails. */
  private evaluate(source: string, file: string): QuickJSHandle {
    this.calls++;
    const result = this.context.evalCode(source, file, { type: 'global' });
    if (result.error) this.fail(result.error, 'load', false);
    return result.value;
  }

  private callFunction(target: QuickJSHandle, name: string, arg: QuickJSHandle): string {
    this.calls++;
    const fn = this.context.getProp(target, name);
    const result = this.context.callFunction(fn, this.context.undefined, arg);
    fn.dispose();
    if (result.error) this.fail(result.error, 'load', false);
    const text = this.context.getString(result.value);
    result.value.dispose();
    return text;
  }

  private locate(
    memory: WebAssembly.Memory,
    magic: number[],
    exports: QuickJSHandle,
  ): SharedFloats {
    const offset = findSharedFloats(memory.buffer, magic);
    if (offset < 0) throw new Error('The sandbox could not set up its shared buffer.');
    const shared = new SharedFloats(memory, offset, IO_FLOATS);
    // Check the find with a value only the host could have written there.
    const token = magic[0]! + 1;
    shared.floats[IO.magic + 1] = token;
    const echo = this.context.getProp(exports, 'echo');
    const result = this.context.callFunction(echo, this.context.undefined);
    echo.dispose();
    const seen = result.error ? NaN : this.context.getNumber(result.value);
    result.dispose();
    if (seen !== token) throw new Error('The sandbox could not set up its shared buffer.');
    return shared;
  }

  /** An exception out of a step: what the prelude noted tells where it happened. */
  private failInStep(error: QuickJSHandle): never {
    const floats = this.shared.floats;
    const where = PHASE_NAMES[floats[IO.phase]!] ?? 'selectServer';
    this.fail(error, where, floats[IO.refused] === 1);
  }

  /** The same from a raw pointer: wrapped in a handle the context can read, then released. */
  private failWithPointer(pointer: number): never {
    const raw = this.raw!;
    const free = (p: JSValuePointer) => raw.ffi.QTS_FreeValuePointer(raw.ctx, p);
    this.failInStep(new Lifetime(pointer as JSValuePointer, undefined, free, this.runtime));
  }

  private fail(error: QuickJSHandle, where: SandboxErrorWhere, refused: boolean): never {
    let dumped: unknown = null;
    try {
      dumped = this.context.dump(error);
    } catch {
      // Out of memory even for describing the error: said as such below.
    }
    error.dispose();
    const fallbackLine = refused ? declarationLine(this.code, 'selectServer') : null;
    this.failure = explainError(
      dumped,
      where,
      refused,
      { callMs: this.limits.callMs, memoryBytes: SANDBOX_MEMORY_BYTES },
      fallbackLine,
    );
    throw this.failure;
  }
}
