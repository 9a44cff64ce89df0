import type { RunSummary } from '../engine/summary.ts';
import { terminalSafe } from './terminalText.ts';

const num = (v: number | null, digits = 1) => (v === null ? '-' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * A run summary as readable text for a terminal. Names come from the scenario file and are shown
 * with their control characters escaped, so none can clear the screen or forge a row.
 */
export function formatSummary(s: RunSummary): string {
  const r = s.requests;
  const l = s.latencyMs;
  const why = r.rejectedByReason;
  // Overload control's reasons appear once it was on (see summary.ts).
  const more = (['shed', 'limited', 'throttled'] as const)
    .filter((k) => why[k] !== undefined)
    .map((k) => `, ${k} ${why[k]}`)
    .join('');
  return [
    `${terminalSafe(s.name)} · ${s.strategy} · seed ${s.seed} · ${(s.simulatedMs / 1000).toFixed(3)} s simulated`,
    '',
    `requests   ${r.total} total, ${r.served} served, ${r.rejected} rejected ` +
      `(no healthy servers ${why.noHealthyServers}, overloaded ${why.overloaded}${more})` +
      (r.failed > 0 || r.timedOut > 0 ? `, ${r.failed} failed, ${r.timedOut} timed out` : '') +
      (r.inFlight > 0 ? `, ${r.inFlight} still in flight` : ''),
    ...(s.retries.sent > 0 || s.retries.lateResponses > 0
      ? [
          `retries    ${s.retries.sent} sent, ${s.retries.denied} refused by the budget, ` +
            `${s.retries.amplification.toFixed(2)} attempts per request; ` +
            `${s.retries.lateResponses} late answers, ${(s.retries.wastedMs / 1000).toFixed(1)} s of wasted work`,
        ]
      : []),
    ...overloadLines(s),
    `latency    mean ${num(l.mean)} ms · p50 ${num(l.p50)} · p90 ${num(l.p90)} · p99 ${num(l.p99)} · ` +
      `p99.9 ${num(l.p999)} · max ${num(l.max)} ms`,
    `cache      ${s.cache.placement}: ${s.cache.hits} hits, ${s.cache.misses} misses, ` +
      `${s.cache.evictions} evictions, hit rate ${pct(s.cache.hitRate)}`,
    ...scalingLines(s),
    '',
    table(
      ['server', 'served', 'rejected', 'failed', 'ejections', 'utilization', 'peak active'],
      s.servers.map((v) => [
        terminalSafe(v.name),
        String(v.served),
        String(v.rejected),
        String(v.failed),
        String(v.ejections),
        pct(v.utilization),
        String(v.peakActive),
      ]),
    ),
  ].join('\n');
}

/** Goodput next to throughput, and hedges, once overload control was on. */
function overloadLines(s: RunSummary): string[] {
  if (s.goodput === undefined || s.throughput === undefined) return [];
  const share = s.throughput > 0 ? ` (${pct(s.goodput / s.throughput)})` : '';
  const late = s.requests.servedLate ?? 0;
  const lines = [
    `goodput    ${s.goodput.toFixed(1)} req/s served within the deadline, of ` +
      `${s.throughput.toFixed(1)} req/s served${share}; ${late} served late`,
  ];
  const h = s.hedging;
  if (h && h.sent > 0)
    lines.push(
      `hedging    ${h.sent} ${h.sent === 1 ? 'copy' : 'copies'} sent (${pct(h.extraLoad)} more requests), ` +
        `${h.won} won, ${h.cancelled} cancelled, ${h.denied} refused by the budget`,
    );
  return lines;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Objectives and attainments near 100% need two decimals: 99.95% is not 100.0%. */
const pct2 = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(2)}%`);

/** Autoscaling, cost and SLO lines, for runs whose scenario has them. */
function scalingLines(s: RunSummary): string[] {
  const lines: string[] = [];
  const a = s.autoscaling;
  if (a) {
    const v = a.servers;
    lines.push(
      `autoscale  ${a.policy}: ${plural(a.actions.length, 'change', 'changes')}; servers min ${v.min} · ` +
        `mean ${v.mean.toFixed(2)} · max ${v.max} · final ${v.final}`,
    );
    const last = a.actions[a.actions.length - 1];
    if (last)
      lines.push(
        `           last at ${(last.at / 1000).toFixed(0)} s: ${terminalSafe(last.reason)}`,
      );
  }
  const c = s.cost;
  if (c) {
    const perMillion =
      c.dollarsPerMillion === null
        ? ''
        : ` · $${c.dollarsPerMillion.toFixed(2)} per million served`;
    lines.push(
      `cost       ${c.serverHours.toFixed(2)} server-hours · $${c.dollars.toFixed(2)}${perMillion}`,
    );
  }
  const o = s.slo;
  if (o) {
    const left =
      o.budgetLeft === null ? '-' : `${pct(o.budgetLeft)}${o.budgetLeft < 0 ? ' (overspent)' : ''}`;
    lines.push(
      `slo        ${o.thresholdMs} ms for ${pct2(o.objective)}: attainment ${pct2(o.attainment)} · ` +
        `error budget left ${left} · ${plural(o.windowsBroken, 'minute', 'minutes')} below the objective`,
    );
  }
  return lines;
}
