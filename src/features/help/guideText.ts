import type { Scenario } from '../../engine/scenario/types.ts';
import { STRATEGY_INFO } from '../../engine/strategies/index.ts';
import type { RunSummary } from '../../engine/summary.ts';
import { formatCount, formatSimTime } from '../../lib/format.ts';
import { countOf, listJoin, outcomesPhrase } from '../../lib/words.ts';

/**
 * The guide's words about the setup on screen and the run that just played, built from their own
 * numbers (so they stay true for any setup the guide is opened on, not only the classic demo).
 */

/** "3 servers (Server-A can work on 3 requests at once, Server-B on 2 and Server-C on 4)". */
export function setupPhrase(setup: Scenario): string {
  const servers = setup.servers;
  if (servers.length === 0) return 'no servers';
  const [first, ...rest] = servers;
  const each = [
    `${first!.name} can work on ${countOf(first!.capacity, 'request')} at once`,
    ...rest.map((s) => `${s.name} on ${formatCount(s.capacity)}`),
  ];
  const shown = servers.length <= 4 ? ` (${listJoin(each)})` : '';
  return `${countOf(servers.length, 'server')}${shown}`;
}

const seconds = (ms: number) => `${+(ms / 1000).toFixed(3)} s`;

/** One traffic entry in words; rates are per simulated second, as everywhere on the page. */
function trafficEntry(t: Scenario['traffic'][number]): string {
  if (t.kind === 'burst') return `a burst of ${countOf(t.burst, 'request')} at ${seconds(t.at)}`;
  if (t.kind === 'trace') return `a recorded rate over ${countOf(t.trace.length, 'point')}`;
  const span = `from ${seconds(t.from)} to ${seconds(t.to)}`;
  switch (t.kind) {
    case 'poisson':
      return `${formatCount(t.ratePerSec)} requests per simulated second ${span}`;
    case 'ramp':
      return `a ramp from ${formatCount(t.startRatePerSec)} to ${formatCount(t.endRatePerSec)} requests per simulated second ${span}`;
    case 'diurnal':
      return `a daily rhythm between ${formatCount(t.troughRatePerSec)} and ${formatCount(t.peakRatePerSec)} requests per simulated second ${span}`;
    case 'spike':
      return `the rate times ${+t.multiplier.toPrecision(3)} ${span}`;
    case 'closed':
      return `${countOf(t.clients, 'client')} each thinking ${seconds(t.thinkMs)} between answers ${span}`;
  }
}

/** "a burst of 10 requests at 0 s", "… and 3 more traffic entries", or that there is none. */
export function trafficPhrase(setup: Scenario): string {
  const t = setup.traffic;
  if (t.length === 0) return 'no traffic of its own: fire a burst or set a steady rate';
  const shown = t.slice(0, 2).map(trafficEntry);
  const more = t.length - shown.length;
  return more > 0
    ? `${shown.join(', ')} and ${countOf(more, 'more traffic entry', 'more traffic entries')}`
    : listJoin(shown);
}

/** What a finished run did and why, in a few sentences; empty until some request arrived. */
export function whatHappened(summary: RunSummary, setup: Scenario): string[] {
  const r = summary.requests;
  const ended = r.served + r.rejected + r.failed + r.timedOut;
  if (r.total === 0) return [];
  const out = [
    `${countOf(r.total, 'request')} arrived in ${formatSimTime(summary.simulatedMs)} of simulated time: ` +
      `${outcomesPhrase(r)}${r.inFlight > 0 ? `, ${formatCount(r.inFlight)} still in flight` : ''}.`,
  ];
  const up = setup.servers.filter((s) => s.up);
  const slots = up.reduce((sum, s) => sum + s.capacity, 0);
  const queue = up.some((s) => s.queueLimit === null)
    ? ' and queue any number more'
    : up.reduce((sum, s) => sum + (s.queueLimit ?? 0), 0) > 0
      ? ` and queue ${formatCount(up.reduce((sum, s) => sum + (s.queueLimit ?? 0), 0))} more`
      : ', with no queue to wait in';
  const sum = up.length > 1 && up.length <= 6 ? ` (${up.map((s) => s.capacity).join(' + ')})` : '';
  const who = up.length === 1 ? 'The one server' : `The ${countOf(up.length, 'server')}`;
  out.push(`${who} can work on ${countOf(slots, 'request')} at once${sum}${queue}.`);
  const { noHealthyServers: noHealthy, overloaded } = r.rejectedByReason;
  if (noHealthy > 0)
    out.push(
      `${countOf(noHealthy, 'request')} found every server full or down, so the balancer had no ` +
        `healthy server to send ${noHealthy === 1 ? 'it' : 'them'} to: rejected as “no healthy servers”.`,
    );
  if (overloaded > 0)
    out.push(
      `${countOf(overloaded, 'request')} went to a server the strategy picked although it had no ` +
        'room: rejected as “overloaded”.',
    );
  const served = summary.servers.filter((s) => s.served > 0);
  if (served.length > 0 && served.length <= 6 && ended > 0) {
    const [first, ...rest] = served;
    const label = STRATEGY_INFO[setup.strategy].label;
    out.push(
      `${label} spread the work: ` +
        `${listJoin([`${first!.name} served ${formatCount(first!.served)}`, ...rest.map((s) => `${s.name} ${formatCount(s.served)}`)])}.`,
    );
  }
  return out;
}
