import type { HpaDecision } from './horizontalController.ts';
import type { ScalingMetric } from './replicaCalculator.ts';
import type { ScalingPolicy } from './scalingRules.ts';
import type { StepDecision } from './stepScaling.ts';

/**
 * An autoscaler's decision in words, for the run's list of actions, the log and the page:
 * "utilization 0.9 over target 0.3: 10 -> 20 (30 asked), limited to +100% per 15 s". The reason
 * names the number that decided and the rule that limited it, as `kubectl describe hpa` would.
 */

const METRIC_WORDS: Record<ScalingMetric, string> = {
  utilization: 'utilization',
  inFlightPerServer: 'in flight per server',
  requestsPerSecondPerServer: 'requests/s per server',
};

export function metricWords(metric: ScalingMetric): string {
  return METRIC_WORDS[metric];
}

/** A metric value: at most three decimals, trailing zeros dropped. */
export function metricValue(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/** A duration in words: "15 s", "5 min", "90 s", "2 h". */
export function durationWords(ms: number): string {
  const s = ms / 1000;
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600} h`;
  if (s >= 120 && s % 60 === 0) return `${s / 60} min`;
  return `${Math.round(s * 1000) / 1000} s`;
}

const servers = (n: number) => `${n} ${n === 1 ? 'server' : 'servers'}`;

/** A rate policy as a limit: "+100% per 15 s", "+4 servers per 15 s", "-1 server per 1 min". */
export function policyWords(p: ScalingPolicy, up: boolean): string {
  const sign = up ? '+' : '-';
  const amount = p.type === 'Percent' ? `${p.value}%` : servers(p.value);
  return `${sign}${amount} per ${durationWords(p.periodMs)}`;
}

const move = (from: number, to: number) => (from === to ? `stays at ${from}` : `${from} -> ${to}`);

/** Why the HPA set the count it did. */
export function hpaReason(
  d: HpaDecision,
  metric: ScalingMetric,
  target: number,
  windows: { readonly upMs: number; readonly downMs: number },
  tolerance: number,
): string {
  if (d.limit === 'aboveMax')
    return `${servers(d.from)}, above maxServers ${d.to}: ${move(d.from, d.to)}`;
  if (d.limit === 'belowMin')
    return `${servers(d.from)}, below minServers ${d.to}: ${move(d.from, d.to)}`;
  const p = d.proposal!;
  if (d.limit === 'noReadyServers') return `no ready server to measure: ${move(d.from, d.to)}`;
  const name = METRIC_WORDS[metric];
  const value = `${name} ${metricValue(p.average)}`;
  const goal = `target ${metricValue(target)}`;
  if (d.limit === 'withinTolerance')
    return `${value} within ${Math.round(tolerance * 100)}% of ${goal}: ${move(d.from, d.to)}`;
  const direction = p.usageRatio > 1 ? 'over' : 'under';
  const head = `${value} ${direction} ${goal}`;
  if (d.limit === 'startingServersSuffice') {
    const all = metricValue((p.ratioWithStarting ?? 0) * target);
    return `${head}, but ${all} counting the servers still starting at 0: ${move(d.from, d.to)}`;
  }
  const asked = d.to === d.recommended ? '' : ` (${d.recommended} asked)`;
  const body = `${head}: ${move(d.from, d.to)}${asked}`;
  switch (d.limit) {
    case 'stabilized': {
      const up = d.recommended > d.from;
      const window = up ? windows.upMs : windows.downMs;
      const which = up ? 'lowest' : 'highest';
      return `${body}, held by the ${which} recommendation of the last ${durationWords(window)} (${d.stabilized})`;
    }
    case 'scaleUpLimit':
      return `${body}, limited to ${d.policy ? policyWords(d.policy, true) : 'the scale-up rate'}`;
    case 'scaleDownLimit':
      return `${body}, limited to ${d.policy ? policyWords(d.policy, false) : 'the scale-down rate'}`;
    case 'tooMany':
      return `${body}, limited by maxServers ${d.to}`;
    case 'tooFew':
      return `${body}, limited by minServers ${d.to}`;
    default:
      return body;
  }
}

const bound = (v: number | null, open: string) => (v === null ? open : metricValue(v));

/** A step's interval as written: "[0.7, 0.9)", "(-inf, 0.3]". */
export function stepWords(step: {
  lower: number | null;
  upper: number | null;
  change: number;
}): string {
  const lower = bound(step.lower, '-inf');
  const upper = bound(step.upper, 'inf');
  return step.change > 0 ? `[${lower}, ${upper})` : `(${lower}, ${upper}]`;
}

/** Why step scaling set the count it did. */
export function stepReason(
  d: StepDecision,
  metric: ScalingMetric,
  metricNow: number | null,
  settings: {
    readonly evaluationPeriods: number;
    readonly cooldownMs: number;
    readonly percent: boolean;
  },
): string {
  if (d.limit === 'aboveMax')
    return `${servers(d.from)}, above maxServers ${d.to}: ${move(d.from, d.to)}`;
  if (d.limit === 'belowMin')
    return `${servers(d.from)}, below minServers ${d.to}: ${move(d.from, d.to)}`;
  if (d.limit === 'noReadyServers' || metricNow === null)
    return `no ready server to measure: ${move(d.from, d.to)}`;
  const value = `${METRIC_WORDS[metric]} ${metricValue(metricNow)}`;
  if (d.step === null) return `${value} in no step: ${move(d.from, d.to)}`;
  const change = d.step.change > 0 ? `+${d.step.change}` : `${d.step.change}`;
  const what = `${value} in step ${stepWords(d.step)} (${change}${settings.percent ? '%' : ''})`;
  switch (d.limit) {
    case 'alarmPending':
      return `${what}, alarm not yet breached for ${settings.evaluationPeriods} periods: ${move(d.from, d.to)}`;
    case 'cooldown':
      return d.step.change > 0
        ? `${what}, already added within the ${durationWords(settings.cooldownMs)} cooldown: ${move(d.from, d.to)}`
        : `${what}, blocked by the ${durationWords(settings.cooldownMs)} scale-in cooldown: ${move(d.from, d.to)}`;
    case 'tooMany':
      return `${what}: ${move(d.from, d.to)}, limited by maxServers`;
    case 'tooFew':
      return `${what}: ${move(d.from, d.to)}, limited by minServers`;
    default:
      return `${what}: ${move(d.from, d.to)}`;
  }
}

/** A simulated time of day: "8:00:00" (hours past the start, may exceed 24). */
export function clockWords(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Why a schedule set the count it did. */
export function scheduleReason(from: number, to: number, servers: number, at: number): string {
  const clamped = to === servers ? '' : ` (${servers} asked, within minServers and maxServers)`;
  return `scheduled ${servers === 1 ? '1 server' : `${servers} servers`} at ${clockWords(at)}: ${move(from, to)}${clamped}`;
}
