import { LIMITS } from '../engine/scenario/limits.ts';

/** The limits every sandboxed strategy runs under. */
export interface SandboxLimits {
  /** Wall time one call into the sandbox may take before it is interrupted. */
  readonly callMs: number;
  /** QuickJS's own heap limit; the WebAssembly memory cap (SANDBOX_MEMORY_BYTES) backs it up. */
  readonly heapBytes: number;
  /** Deepest recursion QuickJS allows, in bytes of its stack. */
  readonly stackBytes: number;
}

/** WebAssembly pages are 64 KiB. */
export const WASM_PAGE_BYTES = 65_536;

/**
 * The hard cap on one sandbox instance's memory: its WebAssembly memory may not grow past this.
 * QuickJS's heap limit counts only part of what it allocates when built with Emscripten (large
 * strings and arrays slip through: quickjs-emscripten issues #255 and #271), so the linear memory
 * itself gets a maximum; an allocation past it fails inside QuickJS as "out of memory".
 */
export const SANDBOX_MEMORY_BYTES = 64 * 1024 * 1024;

/** What the Emscripten build starts with (its INITIAL_MEMORY). */
export const SANDBOX_INITIAL_BYTES = 16 * 1024 * 1024;

/**
 * Half a second per call: far more than any pick needs (microseconds), short enough that an endless
 * loop is stopped within a second, as the issue asks.
 */
export const DEFAULT_LIMITS: SandboxLimits = {
  callMs: 500,
  heapBytes: 32 * 1024 * 1024,
  stackBytes: 256 * 1024,
};

/** Longest strategy code accepted, in characters: the scenario format's limit. */
export const MAX_CODE_CHARS = LIMITS.customCodeLength;
