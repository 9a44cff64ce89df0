import { formatLogLine } from '../metrics/eventLog.ts';
import { SERIES_NAMES } from '../metrics/runMetrics.ts';
import type { Scenario } from '../scenario/types.ts';
import { Simulation } from '../simulation.ts';
import { summarize } from '../summary.ts';

/**
 * A run's whole observable history as text, part by part, so a golden test can prove that a
 * refactoring or a speed-up changed nothing a person or a test could see: every log line, every
 * explained pick and route, every sample of every series, and the summary and server states at
 * regular checkpoints. The run is read the way the page reads it (in slices with an event budget,
 * polling what is new since the last look), so lazily built records are exercised too.
 */
export interface TraceParts {
  readonly log: string;
  readonly picks: string;
  readonly routes: string;
  readonly checkpoints: string;
  readonly series: string;
  readonly serverSeries: string;
}

/** Numbers as text that keeps NaN, infinities and -0 apart (JSON would turn them into null). */
const num = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));

/** Runs `scenario` to its end (logged and explained, as the page's worker runs it) and records it. */
export function traceRun(scenario: Scenario, checkpointMs = 1000, maxEvents = 700): TraceParts {
  const sim = new Simulation(scenario);
  const m = sim.metrics;
  const log: string[] = [];
  const picks: string[] = [];
  const routes: string[] = [];
  const checkpoints: string[] = [];
  let logSeq = 0;
  let pickSeq = 0;
  let routeSeq = 0;
  const look = (): void => {
    for (const e of m.log.since(logSeq)) log.push(`${e.seq} ${formatLogLine(e)}`);
    logSeq = m.log.total;
    for (const p of m.picks.since(pickSeq)) picks.push(JSON.stringify(p));
    pickSeq = m.picks.total;
    const r = m.routes.since(routeSeq);
    for (let i = 0; i < r.ids.length; i++)
      routes.push(`${r.fromSeq + i} ${num(r.times[i]!)} ${r.ids[i]} ${r.dests[i]}`);
    routeSeq = m.routes.total;
    const states = sim.pool.members.map((slot) => sim.serverState(slot));
    checkpoints.push(
      JSON.stringify({
        now: sim.now,
        events: sim.eventsProcessed,
        next: num(sim.nextEventTime),
        inFlight: sim.inFlight,
        held: sim.attemptsHeld,
        panic: sim.panic,
        healthy: Array.from(sim.pool.healthy.subarray(0, sim.pool.size)),
        states,
        summary: summarize(sim),
      }),
    );
  };
  for (let t = checkpointMs; !sim.finished; t += checkpointMs) {
    while (!sim.runUntil(t, maxEvents)) look();
    look();
    if (t > 3_600_000) throw new Error('traceRun: the run did not end within a simulated hour');
  }
  look();
  const series = SERIES_NAMES.map(
    (name) => `${name} ${m.series[name].toArray().map(num).join(' ')}`,
  );
  const serverSeries: string[] = [];
  for (let slot = 0; slot < sim.pool.size; slot++) {
    serverSeries.push(`active ${slot} ${m.serverActive[slot]!.toArray().join(' ')}`);
    serverSeries.push(`queued ${slot} ${m.serverQueued[slot]!.toArray().join(' ')}`);
  }
  return {
    log: log.join('\n'),
    picks: picks.join('\n'),
    routes: routes.join('\n'),
    checkpoints: checkpoints.join('\n'),
    series: series.join('\n'),
    serverSeries: serverSeries.join('\n'),
  };
}

/**
 * A 106-bit fingerprint of a text as 27 hex digits: two 53-bit cyrb53 hashes with different
 * seeds. Not cryptographic; enough to tell that two long texts differ.
 */
export function fingerprint(text: string): string {
  const h = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  };
  return `${h(1)}${h(2)}`;
}

/** What a golden file keeps of a trace: per part, its line count and fingerprint. */
export function traceDigest(parts: TraceParts): Record<string, { lines: number; print: string }> {
  const out: Record<string, { lines: number; print: string }> = {};
  for (const [name, text] of Object.entries(parts))
    out[name] = { lines: text === '' ? 0 : text.split('\n').length, print: fingerprint(text) };
  return out;
}
