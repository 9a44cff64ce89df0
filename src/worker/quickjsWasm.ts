/*
 * The worker's way to QuickJS's WebAssembly: Vite emits the .wasm file as an asset of the site
 * (same origin, so the page's connect-src 'self' allows it, and compiling it needs only
 * 'wasm-unsafe-eval') and the worker compiles it once, the first time a strategy of the user's
 * runs. Node code uses src/sandbox/node/quickjsWasm.ts instead.
 */
import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url';

let compiled: Promise<WebAssembly.Module> | null = null;

/** The compiled QuickJS module; a failed download is tried again on the next call. */
export function quickjsWasmModule(): Promise<WebAssembly.Module> {
  compiled ??= compile().catch((error: unknown) => {
    compiled = null;
    throw error;
  });
  return compiled;
}

async function compile(): Promise<WebAssembly.Module> {
  const response = await fetch(wasmUrl);
  if (!response.ok) {
    throw new Error(`the strategy sandbox could not be loaded (HTTP ${response.status})`);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
