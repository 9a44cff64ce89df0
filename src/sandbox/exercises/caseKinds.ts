/**
 * The kinds of hidden case the graders are made of: pick-by-pick equality with a reference, the
 * same picks from the same seed, one server, and shares of picks within bounds.
 */
import type { FakeServer } from '../../engine/testing/fakePool.ts';
import type { SandboxHost } from '../sandboxHost.ts';
import { SandboxError } from '../sandboxError.ts';
import { drive, loadStrategy, type DriveResult, type DriveSetup, type Driven } from './drive.ts';
import type { CaseResult } from './gradeReport.ts';

/** A case that could not run its code: the error is what the code did. */
function errorCase(name: string, expected: string, error: SandboxError): CaseResult {
  return { name, passed: false, expected, actual: error.message };
}

/** Drives fresh copies of the code; returns the result, or a failed case when the code failed. */
export function run(
  host: SandboxHost,
  code: string,
  reference: Driven | null,
  setup: DriveSetup,
  name: string,
  expected: string,
): DriveResult | CaseResult {
  const strategy = loadStrategy(host, code);
  if (strategy instanceof SandboxError) return errorCase(name, expected, strategy);
  try {
    const result = drive(strategy, reference, setup);
    return result.failure === null ? result : errorCase(name, expected, result.failure);
  } finally {
    strategy.dispose();
  }
}

function nameAt(result: DriveResult, slot: number): string {
  return slot < 0 ? 'no server' : (result.names[slot] ?? `server ${slot}`);
}

/** Every pick equals the reference's; the first difference is reported. */
export function sameAs(
  host: SandboxHost,
  code: string,
  name: string,
  referenceLabel: string,
  reference: Driven,
  setup: DriveSetup,
): CaseResult {
  const expectedAll = `the same ${setup.picks} picks as ${referenceLabel}`;
  const result = run(host, code, reference, setup, name, expectedAll);
  if (!('custom' in result)) return result;
  const i = result.custom.findIndex((slot, k) => slot !== result.reference[k]);
  if (i < 0) return { name, passed: true, expected: expectedAll, actual: 'the same picks' };
  return {
    name,
    passed: false,
    expected: `pick ${i + 1}: ${nameAt(result, result.reference[i]!)} (as ${referenceLabel})`,
    actual: `pick ${i + 1}: ${nameAt(result, result.custom[i]!)}`,
  };
}

/** Two runs from the same seed make the same picks. */
export function deterministic(host: SandboxHost, code: string, setup: DriveSetup): CaseResult {
  const name = 'the same seed gives the same picks';
  const expected = `two runs of ${setup.picks} picks from seed ${setup.seed} agree`;
  const first = run(host, code, null, setup, name, expected);
  if (!('custom' in first)) return first;
  const second = run(host, code, null, setup, name, expected);
  if (!('custom' in second)) return second;
  const i = first.custom.findIndex((slot, k) => slot !== second.custom[k]);
  if (i < 0) return { name, passed: true, expected, actual: 'they agree' };
  return {
    name,
    passed: false,
    expected,
    actual: `pick ${i + 1}: ${nameAt(first, first.custom[i]!)} the first time, ${nameAt(second, second.custom[i]!)} the second`,
  };
}

/** With a single server, every pick is that server. */
export function oneServer(host: SandboxHost, code: string): CaseResult {
  const name = 'one server';
  const expected = 'Only, on each of 50 picks';
  const setup: DriveSetup = { servers: [{ name: 'Only', capacity: 1000 }], picks: 50, seed: 3 };
  const result = run(host, code, null, setup, name, expected);
  if (!('custom' in result)) return result;
  const wrong = result.custom.findIndex((slot) => slot !== 0);
  if (wrong < 0) return { name, passed: true, expected, actual: 'Only, every time' };
  return {
    name,
    passed: false,
    expected,
    actual: `pick ${wrong + 1}: ${nameAt(result, result.custom[wrong]!)}`,
  };
}

/** Share of the picks that went to each slot. */
export function shares(result: DriveResult): number[] {
  const counts = result.names.map(() => 0);
  for (const slot of result.custom) if (slot >= 0) counts[slot]!++;
  return counts.map((c) => c / Math.max(1, result.custom.length));
}

/** A share as people read it. */
export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Servers with the given names, a large capacity and weight 1 unless given. */
export function servers(names: string, capacity = 1000): FakeServer[] {
  return names.split(' ').map((name) => ({ name, capacity }));
}
