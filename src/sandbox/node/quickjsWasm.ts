/*
 * Node only (the CLI, tests and benchmarks): reads QuickJS's .wasm from its package and compiles it
 * once per process. The worker has its own loader that fetches the file Vite emitted.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

let compiled: Promise<WebAssembly.Module> | null = null;

/** The compiled QuickJS module (release build, synchronous variant), compiled on first use. */
export function quickjsWasmModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(
    createRequire(import.meta.url).resolve('@jitl/quickjs-wasmfile-release-sync/wasm'),
  ).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}
