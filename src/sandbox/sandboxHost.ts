/*
 * Boundary of the sandbox layer: user code runs only inside QuickJS (quickjs-emscripten, compiled
 * to WebAssembly), never in the page's or the simulation's JavaScript realm. Nothing here may touch
 * the DOM, worker globals or Node modules: the worker and the CLI each compile the .wasm their own
 * way and hand over the WebAssembly.Module.
 */
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import {
  DEFAULT_LIMITS,
  SANDBOX_INITIAL_BYTES,
  SANDBOX_MEMORY_BYTES,
  WASM_PAGE_BYTES,
  type SandboxLimits,
} from './sandboxLimits.ts';
import { StrategySandbox } from './strategySandbox.ts';

/**
 * One QuickJS instance with its own capped WebAssembly memory, in which any number of strategy
 * sandboxes (a runtime and a context each) can be loaded synchronously, as the simulation builds
 * its balancers. A run gets a host of its own: when it ends, or a strategy broke QuickJS (ran it
 * out of memory), the whole instance is dropped and nothing of it can reach the next run.
 */
export class SandboxHost {
  private constructor(
    private readonly quickjs: QuickJSWASMModule,
    private readonly memory: WebAssembly.Memory,
  ) {}

  /** Instantiates QuickJS from its compiled module (milliseconds; compiling is the slow part). */
  static async create(wasm: WebAssembly.Module): Promise<SandboxHost> {
    const memory = new WebAssembly.Memory({
      initial: SANDBOX_INITIAL_BYTES / WASM_PAGE_BYTES,
      maximum: SANDBOX_MEMORY_BYTES / WASM_PAGE_BYTES,
    });
    const quickjs = await newQuickJSWASMModuleFromVariant(
      newVariant(releaseSync, { wasmModule: wasm, wasmMemory: memory }),
    );
    return new SandboxHost(quickjs, memory);
  }

  /**
   * Loads a strategy's code into a sandbox of its own (its own globals and `state`). Throws a
   * SandboxError when the code does not parse, throws while loading or defines no selectServer.
   */
  load(code: string, limits: SandboxLimits = DEFAULT_LIMITS): StrategySandbox {
    return new StrategySandbox(this.quickjs, this.memory, code, limits);
  }
}
