/**
 * What the three exporters share about the scenario's defences (health checks, outlier ejection,
 * timeouts, retries, breaker, slow start, several balancers): which of them are on, durations in
 * each product's syntax, and the notes whose wording is the same for every product.
 */
import type { ResilienceSpec } from '../../../engine/scenario/types.ts';

/**
 * The defences as the exporters read them (a scenario's `resilience` fits). Every part is
 * optional: an absent part is not exported at all, so a setup without defences exports as before.
 */
export type ExportResilience = Partial<ResilienceSpec>;

/** HTTP answers the exports treat as a failed attempt: a failing server typically answers 500. */
export const FAILURE_STATUSES = [500, 502, 503, 504] as const;

/** Retries happen at all: a mode other than off, and at least one retry allowed. */
export function retrying(r: ExportResilience): boolean {
  return r.retry !== undefined && r.retry.mode !== 'off' && r.retry.maxRetries > 0;
}

/** Active health checks are configured. */
export function activeChecks(r: ExportResilience): boolean {
  return r.healthCheck?.mode === 'active';
}

/** A number without float noise: 2.5, 0.025, 30. */
function plainNumber(n: number): string {
  return String(Number(n.toFixed(3)));
}

/** A duration for a person: "250 ms", "2 s", "1.5 s". */
export function spokenMs(ms: number): string {
  return ms < 1000 ? `${plainNumber(ms)} ms` : `${plainNumber(ms / 1000)} s`;
}

/**
 * A duration in the time syntax of HAProxy and NGINX (both take `ms` and `s` suffixes): whole
 * seconds as `2s`, anything else as whole milliseconds, at least 1 (`1500ms`).
 */
export function unitTime(ms: number): string {
  const whole = Math.max(1, Math.round(ms));
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}

/** A duration that must be whole seconds (NGINX's fail_timeout, slow_start): rounded up. */
export function wholeSeconds(ms: number): { readonly text: string; readonly exact: boolean } {
  const s = Math.max(1, Math.ceil(ms / 1000 - 1e-9));
  return { text: `${s}s`, exact: s * 1000 === ms };
}

/**
 * A protobuf Duration as Envoy's YAML takes it: seconds with up to three decimals, `0.025s`. A
 * positive duration is at least 1 ms, as most of Envoy's durations must be above zero.
 */
export function envoyDuration(ms: number): string {
  return ms > 0 ? `${plainNumber(Math.max(1, ms) / 1000)}s` : '0s';
}

/** The defences note for several balancers sharing the servers, or null for one balancer. */
export function balancersNote(r: ExportResilience, product: string): string | null {
  const b = r.balancers;
  if (b === undefined || b.count <= 1) return null;
  const view =
    b.loadUpdateMs > 0
      ? `each sees the others’ load only every ${spokenMs(b.loadUpdateMs)}`
      : 'each sees the others’ load at once';
  return (
    `The setup runs ${b.count} balancers that share the servers; ${view}. In production that is ` +
    `${b.count} ${product} instances with this same config, and none sees the others’ load at ` +
    'all: each counts only the requests it sent itself. Each also applies the limits on its own, ' +
    `so together they let up to ${b.count} times as many requests through to a server.`
  );
}

/** The defences note for the simulation's all-knowing registry (health mode `instant`). */
export function instantNote(whatTheProductDoes: string): string {
  return (
    'Health mode “instant” is the simulation’s shortcut: its balancer learns the moment a server ' +
    `goes down, from a registry that knows everything. Real balancers need checks. ${whatTheProductDoes}`
  );
}

/** The defences note for health mode `none`. */
export function noChecksNote(whatThatMeans: string): string {
  return `The setup has no health checks (mode “none”), so none are configured: ${whatThatMeans}`;
}

/** What the retry mode means for a product that has no retry budget. */
export function noBudgetNote(r: ExportResilience, product: string): string {
  const spec = r.retry!;
  return spec.mode === 'budget'
    ? `${product} has no retry budget: its retries are the simulation’s naive kind, limited ` +
        `only by their number, so in an overload they can multiply the load (a retry storm) ` +
        `where the setup’s budget (${plainNumber(spec.budgetPercent)}% of active requests, at ` +
        `least ${spec.minRetryConcurrency}) holds them back.`
    : `${product} has no retry budget either: like the simulation’s naive retries, nothing but ` +
        'their number limits them, so in an overload they multiply the load.';
}
