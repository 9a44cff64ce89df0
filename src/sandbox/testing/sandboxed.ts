import { FakePool, type FakeServer } from '../../engine/testing/fakePool.ts';
import type { PickContext } from '../../engine/strategies/strategy.ts';
import { nodeSandboxHost } from '../node/nodeSandboxHost.ts';
import type { SandboxHost } from '../sandboxHost.ts';
import type { SandboxLimits } from '../sandboxLimits.ts';
import { SandboxError } from '../sandboxError.ts';
import { SandboxStrategy } from '../sandboxStrategy.ts';

let shared: Promise<SandboxHost> | null = null;

/** One QuickJS instance for a test file's well-behaved strategies (a new one per memory bomb). */
export function testHost(): Promise<SandboxHost> {
  shared ??= nodeSandboxHost();
  return shared;
}

/** A sandboxed strategy over a FakePool that tells it of every change, as the engine's pool does. */
export async function sandboxed(
  code: string,
  servers: readonly FakeServer[],
  limits?: SandboxLimits,
  host?: SandboxHost,
): Promise<{ strategy: SandboxStrategy; pool: FakePool }> {
  const h = host ?? (await testHost());
  const strategy = new SandboxStrategy(h.load(code, limits));
  const pool = new FakePool(servers);
  pool.onChange = (slot) => strategy.onServerChange(pool, slot);
  return { strategy, pool };
}

/** A pick context for request `id` with `key`, untraced. */
export function request(id: number, key = id, attempt = 0): PickContext {
  return { key, now: 0, trace: null, id, attempt } as PickContext;
}

/** The SandboxError a load threw (fails the test when it loaded). */
export async function loadError(code: string, limits?: SandboxLimits): Promise<SandboxError> {
  const host = await testHost();
  try {
    host.load(code, limits).dispose();
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
  throw new Error('the code loaded without an error');
}
