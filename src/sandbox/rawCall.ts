import type {
  EitherFFI,
  JSContextPointer,
  JSValueConstPointer,
  JSValuePointer,
  QuickJSContext,
  QuickJSHandle,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';

/**
 * What the hot call needs to go straight through quickjs-emscripten's FFI (QTS_Call) instead of
 * `context.callFunction`, which costs ten times the call itself in small allocations. The FFI is
 * public (getFFI, marked experimental); the context's pointer is a protected field, read here only,
 * with the package pinned to 0.32.0. When it is not where expected, the sandbox falls back to the
 * public call.
 */
export interface RawCall {
  readonly ffi: EitherFFI;
  readonly ctx: JSContextPointer;
  readonly fn: JSValuePointer | JSValueConstPointer;
  readonly undefined: JSValueConstPointer;
}

/** The pointers for calling `fn` with no arguments and `this` undefined, or null. */
export function rawCallOf(
  quickjs: QuickJSWASMModule,
  context: QuickJSContext,
  fn: QuickJSHandle,
): RawCall | null {
  const lifetime = (context as unknown as { ctx?: { value?: unknown } }).ctx;
  const ctx = lifetime?.value;
  const ffi = quickjs.getFFI();
  if (typeof ctx !== 'number' || typeof ffi.QTS_Call !== 'function') return null;
  return {
    ffi,
    ctx: ctx as JSContextPointer,
    fn: fn.value,
    undefined: context.undefined.value as JSValueConstPointer,
  };
}

/**
 * Calls it. Returns 0 on success, or a pointer to the exception (the caller owns it: wrap it in a
 * handle to read it, then free it).
 */
export function callRaw(raw: RawCall): number {
  const ffi = raw.ffi;
  const value = ffi.QTS_Call(raw.ctx, raw.fn, raw.undefined, 0, 0 as never);
  const error = ffi.QTS_ResolveException(raw.ctx, value);
  ffi.QTS_FreeValuePointer(raw.ctx, value);
  return error;
}
