import { describe, expect, it } from 'vitest';
import { HorizontalController, type HpaSettings } from './horizontalController.ts';
import { metricQuantum, proposeReplicas } from './replicaCalculator.ts';
import { DEFAULT_SCALE_DOWN_POLICIES, DEFAULT_SCALE_UP_POLICIES } from './scalingRules.ts';

/** Kubernetes' defaults: up max(+4, +100%) per 15 s, no window; down 100% per 15 s, 300 s window. */
const K8S: HpaSettings = {
  minServers: 1,
  maxServers: 50,
  target: 0.5,
  tolerance: 0.1,
  quantum: metricQuantum('utilization'),
  scaleUp: { stabilizationMs: 0, selectPolicy: 'Max', policies: DEFAULT_SCALE_UP_POLICIES },
  scaleDown: {
    stabilizationMs: 300_000,
    selectPolicy: 'Max',
    policies: DEFAULT_SCALE_DOWN_POLICIES,
  },
};

const util = (current: number, ready: number, average: number, unready = 0) => ({
  currentReplicas: current,
  readyCount: ready,
  unreadyCount: unready,
  metricSum: ready * average,
  target: 0.5,
  tolerance: 0.1,
  quantum: 0.01,
});

describe('HPA replica calculation (replica_calculator.go)', () => {
  it('asks for ceil(ready x metric / target): utilization 0.82 over 0.5 on 10 servers is 17', () => {
    const p = proposeReplicas(util(10, 10, 0.82));
    expect(p.usageRatio).toBeCloseTo(1.64, 12);
    expect(p.replicas).toBe(17);
    expect(p.outcome).toBe('proposed');
  });

  it('keeps the count while the ratio is within the tolerance, both ways', () => {
    expect(proposeReplicas(util(10, 10, 0.55)).outcome).toBe('withinTolerance'); // 1.10
    expect(proposeReplicas(util(10, 10, 0.45)).outcome).toBe('withinTolerance'); // 0.90
    expect(proposeReplicas(util(10, 10, 0.56)).replicas).toBe(12); // 1.12 -> 11.2
    expect(proposeReplicas(util(10, 10, 0.44)).replicas).toBe(9); // 0.88 -> 8.8
  });

  it('truncates utilization to whole percent as Kubernetes does: 55.9% is 55%', () => {
    const p = proposeReplicas(util(10, 10, 0.559));
    expect(p.average).toBeCloseTo(0.55, 12);
    expect(p.outcome).toBe('withinTolerance');
  });

  it('counts starting servers at 0 on a scale-up, so a scale-up in flight is not doubled', () => {
    // 4 ready at 90%, 4 starting: 1.8 over the ready ones, but 45% over all eight: enough.
    const inFlight = proposeReplicas(util(8, 4, 0.9, 4));
    expect(inFlight.usageRatio).toBeCloseTo(1.8, 12);
    expect(inFlight.ratioWithStarting).toBeCloseTo(0.9, 12);
    expect(inFlight.replicas).toBe(8);
    expect(inFlight.outcome).toBe('startingServersSuffice');
    // 4 ready at 100%, 2 starting: 400/6 = 66% -> 1.32 -> ceil(1.32 x 6) = ceil(7.92) = 8.
    // 4 ready at 100%, 6 starting: 40% -> 0.8 turns the direction round: no change.
    expect(proposeReplicas(util(6, 4, 1, 2)).replicas).toBe(8);
    expect(proposeReplicas(util(10, 4, 1, 6)).outcome).toBe('startingServersSuffice');
    expect(proposeReplicas(util(10, 4, 1, 6)).replicas).toBe(10);
  });

  it('ignores starting servers on a scale-down (only the ready ones are measured)', () => {
    // 4 ready at 20%, 2 starting: ceil(0.4 x 4) = 2.
    expect(proposeReplicas(util(6, 4, 0.2, 2)).replicas).toBe(2);
  });

  it('changes nothing when no server is ready to measure', () => {
    const p = proposeReplicas(util(3, 0, 0, 3));
    expect(p).toMatchObject({ replicas: 3, outcome: 'noReadyServers' });
  });

  it('keeps per-server metrics in milli-units', () => {
    const p = proposeReplicas({
      currentReplicas: 3,
      readyCount: 3,
      unreadyCount: 0,
      metricSum: 25, // 8.333... in flight per server -> 8.333
      target: 4,
      tolerance: 0.1,
      quantum: metricQuantum('inFlightPerServer'),
    });
    expect(p.usageRatio).toBeCloseTo(8.333 / 4, 12);
    expect(p.replicas).toBe(7); // ceil(2.08325 x 3) = ceil(6.24975)
  });
});

/** A sync with every server ready at `average` utilization. */
const sync = (
  hpa: HorizontalController,
  settings: HpaSettings,
  at: number,
  current: number,
  average: number,
) =>
  hpa.reconcile(at, settings, current, {
    readyCount: current,
    unreadyCount: 0,
    metricSum: current * average,
  });

describe('HPA behavior (horizontal.go): rate limits', () => {
  it('scales up by the larger of +4 and +100% per 15 s, then stops at maxServers', () => {
    const s = { ...K8S, target: 0.3 };
    const hpa = new HorizontalController();
    // 90% over 30%: ratio 3. From 10: Pods 14, Percent 20 -> Max picks 20.
    const a = sync(hpa, s, 15_000, 10, 0.9);
    expect(a).toMatchObject({ from: 10, to: 20, recommended: 30, limit: 'scaleUpLimit' });
    expect(a.policy).toEqual({ type: 'Percent', value: 100, periodMs: 15_000 });
    // 15 s later the first event has left the period (strictly after the cutoff): from 20, 40.
    expect(sync(hpa, s, 30_000, 20, 0.9)).toMatchObject({ to: 40, limit: 'scaleUpLimit' });
    // Next: 120 asked, 80 allowed by rate, 50 by the bound.
    expect(sync(hpa, s, 45_000, 40, 0.9)).toMatchObject({ to: 50, limit: 'tooMany' });
  });

  it('counts the servers added within a period against it (+4 Pods from 2)', () => {
    const s = { ...K8S, target: 0.25 };
    const hpa = new HorizontalController();
    const a = sync(hpa, s, 10_000, 2, 1); // ratio 4 -> 8; Pods 6, Percent 4 -> 6
    expect(a).toMatchObject({ to: 6, limit: 'scaleUpLimit' });
    expect(a.policy?.type).toBe('Pods');
    // 10 s later the +4 still counts: the period started at 2, so 6 is the limit.
    expect(sync(hpa, s, 20_000, 6, 1)).toMatchObject({ from: 6, to: 6, limit: 'scaleUpLimit' });
    // 20 s after it, it does not: from 6, Percent gives 12.
    expect(sync(hpa, s, 30_000, 6, 1)).toMatchObject({ to: 12, limit: 'scaleUpLimit' });
  });

  it('selectPolicy Min takes the smaller change, Disabled none', () => {
    const min = { ...K8S, target: 0.3, scaleUp: { ...K8S.scaleUp, selectPolicy: 'Min' as const } };
    expect(sync(new HorizontalController(), min, 15_000, 10, 0.9).to).toBe(14);
    const off = {
      ...K8S,
      target: 0.3,
      scaleUp: { ...K8S.scaleUp, selectPolicy: 'Disabled' as const },
    };
    expect(sync(new HorizontalController(), off, 15_000, 10, 0.9).to).toBe(10);
  });

  it('scales down by at most one server per minute with a Pods policy of 1 per 60 s', () => {
    const s = {
      ...K8S,
      scaleDown: {
        stabilizationMs: 0,
        selectPolicy: 'Max' as const,
        policies: [{ type: 'Pods' as const, value: 1, periodMs: 60_000 }],
      },
    };
    const hpa = new HorizontalController();
    expect(sync(hpa, s, 0, 5, 0.1)).toMatchObject({
      to: 4,
      recommended: 1,
      limit: 'scaleDownLimit',
    });
    expect(sync(hpa, s, 15_000, 4, 0.1)).toMatchObject({ to: 4, limit: 'scaleDownLimit' });
    expect(sync(hpa, s, 45_000, 4, 0.1).to).toBe(4);
    expect(sync(hpa, s, 60_000, 4, 0.1).to).toBe(3);
  });

  it('brings a count outside [min, max] back to the bound at once', () => {
    const s = { ...K8S, minServers: 3, maxServers: 10 };
    expect(sync(new HorizontalController(), s, 0, 1, 0.5)).toMatchObject({
      to: 3,
      limit: 'belowMin',
    });
    expect(sync(new HorizontalController(), s, 0, 14, 0.5)).toMatchObject({
      to: 10,
      limit: 'aboveMax',
    });
  });
});

describe('HPA behavior (horizontal.go): stabilization', () => {
  it('scales down only once every recommendation of the last 300 s agrees', () => {
    const hpa = new HorizontalController();
    // At 15 s the load is at target: 10 recommended (and 10 recorded as the initial count).
    expect(sync(hpa, K8S, 15_000, 10, 0.5)).toMatchObject({ to: 10, limit: 'withinTolerance' });
    // Then it drops to 10%: 2 asked for every 15 s, held at 10 by the window...
    for (let t = 30_000; t < 315_000; t += 15_000) {
      expect(sync(hpa, K8S, t, 10, 0.1)).toMatchObject({
        to: 10,
        recommended: 2,
        limit: 'stabilized',
      });
    }
    // ...until the two 10s recorded at 15 s are 300 s old (strictly after the cutoff no more).
    expect(sync(hpa, K8S, 315_000, 10, 0.1)).toMatchObject({ to: 2, limit: 'none' });
    // Old recommendations are replaced, not piled up: about one window of syncs.
    expect(hpa.recommendationCount).toBeLessThanOrEqual(22);
  });

  it('with no window (the "flapping" setting) follows the metric at once', () => {
    const s = { ...K8S, scaleDown: { ...K8S.scaleDown, stabilizationMs: 0 } };
    const hpa = new HorizontalController();
    expect(sync(hpa, s, 15_000, 10, 0.1).to).toBe(2);
  });

  it('a scale-up window holds a rise until it lasted the whole window', () => {
    const s = { ...K8S, scaleUp: { ...K8S.scaleUp, stabilizationMs: 60_000 } };
    const hpa = new HorizontalController();
    expect(sync(hpa, s, 0, 4, 0.5).to).toBe(4);
    expect(sync(hpa, s, 15_000, 4, 1)).toMatchObject({
      to: 4,
      recommended: 8,
      limit: 'stabilized',
    });
    expect(sync(hpa, s, 45_000, 4, 1).to).toBe(4);
    // The 4s recorded at 0 s fall out at 60 s exactly; the lowest left is 8.
    expect(sync(hpa, s, 60_000, 4, 1)).toMatchObject({ to: 8, limit: 'none' });
  });
});
