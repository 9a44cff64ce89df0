import { SandboxHost } from '../sandboxHost.ts';
import { quickjsWasmModule } from './quickjsWasm.ts';

/** A fresh sandbox host (one QuickJS instance) in Node. */
export async function nodeSandboxHost(): Promise<SandboxHost> {
  return SandboxHost.create(await quickjsWasmModule());
}
