import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../engine/scenario/schema.ts';
import type { Scenario } from '../../../engine/scenario/types.ts';
import type { RunSummary } from '../../../engine/summary.ts';
import { lessonById, verdictOf } from './index.ts';
import type { LessonRuns, RunRecord } from './types.ts';

/** A made-up summary, to check that explanations follow the data rather than the script. */
function summary(partial: {
  served: number;
  rejected: number;
  servers: Array<[string, number, number]>;
  strategy?: string;
  p99?: number;
}): RunSummary {
  return {
    name: 'test',
    strategy: partial.strategy ?? 'round-robin',
    seed: 42,
    requests: {
      total: partial.served + partial.rejected,
      served: partial.served,
      rejected: partial.rejected,
      rejectedByReason: { noHealthyServers: partial.rejected, overloaded: 0 },
      failed: 0,
      timedOut: 0,
      inFlight: 0,
    },
    retries: { sent: 0, denied: 0, amplification: 1, lateResponses: 0, wastedMs: 0 },
    latencyMs: { mean: 300, p50: 300, p90: 500, p99: partial.p99 ?? 590, p999: 600, max: 600 },
    servers: partial.servers.map(([name, served, utilization]) => ({
      name,
      served,
      rejected: 0,
      failed: 0,
      ejections: 0,
      cacheHitRate: null,
      utilization,
      peakActive: 1,
    })),
    cache: { placement: 'shared', hits: 0, misses: 10, evictions: 0, hitRate: 0 },
    simulatedMs: 600,
  };
}

const classicSetup: Scenario = DEFAULT_SCENARIO;

describe('explanations follow the run, not the script', () => {
  it('says nothing was rejected when nothing was, and the verdict follows', () => {
    const lesson = lessonById('ten-requests')!;
    const demo: RunRecord = {
      setup: classicSetup,
      summary: summary({
        served: 10,
        rejected: 0,
        servers: [
          ['Server-A', 4, 0.5],
          ['Server-B', 2, 0.9],
          ['Server-C', 4, 0.5],
        ],
      }),
    };
    const runs: LessonRuns = { demo };
    const step = lesson.steps.find((s) => s.kind === 'explain' && s.verdict);
    const text = step?.kind === 'explain' ? step.explain(runs).join(' ') : '';
    expect(text).toContain('No request was rejected.');
    expect(text).toContain('10 served in all');
    expect(text).not.toContain('1 request');
    expect(verdictOf(lesson, 'one', runs)).toMatchObject({ state: 'miss', actual: 'none' });
    expect(verdictOf(lesson, 'none', runs)).toMatchObject({ state: 'match' });
  });

  it('leaves out round robin’s story when the strategy was switched during the run', () => {
    const lesson = lessonById('unequal-servers')!;
    const rr: RunRecord = {
      setup: classicSetup,
      summary: summary({
        served: 100,
        rejected: 0,
        strategy: 'least-connections',
        servers: [
          ['Big', 50, 0.5],
          ['Small-1', 25, 0.5],
          ['Small-2', 25, 0.52],
        ],
      }),
    };
    const step = lesson.steps.find((s) => s.kind === 'explain');
    const text = step?.kind === 'explain' ? step.explain({ rr }).join(' ') : '';
    expect(text).toContain('switched to least-connections');
    expect(text).not.toContain('Round robin gave');
    expect(verdictOf(lesson, 'small', { rr })).toMatchObject({ state: 'miss', actual: 'even' });
  });
});

describe('the bursts lesson', () => {
  it('says the smallest server served more than its share of the requests, with both shares', () => {
    const lesson = lessonById('least-connections-bursts')!;
    // Slots 3, 2 and 4: Server-B holds 2 of 9 (22%) and served 30 of 100 (30%).
    const rr: RunRecord = {
      setup: classicSetup,
      summary: summary({
        served: 100,
        rejected: 0,
        servers: [
          ['Server-A', 30, 0.5],
          ['Server-B', 30, 0.9],
          ['Server-C', 40, 0.4],
        ],
      }),
    };
    const step = lesson.steps.find((s) => s.kind === 'explain');
    const text = step?.kind === 'explain' ? step.explain({ rr }).join(' ') : '';
    expect(text).toContain(
      'so the smallest server, Server-B, with 22% of the slots, served 30% of the requests: ' +
        'more than its share, and its queue took longest to drain.',
    );
    expect(text).not.toContain('its share of the slots');
  });
});

describe('verdictOf', () => {
  const lesson = lessonById('ten-requests')!;
  it('waits for the run, then reports an unanswered prediction', () => {
    expect(verdictOf(lesson, 'one', {})?.state).toBe('pending');
    const demo: RunRecord = {
      setup: classicSetup,
      summary: summary({ served: 9, rejected: 1, servers: [['Server-A', 3, 0.5]] }),
    };
    expect(verdictOf(lesson, null, { demo })).toMatchObject({ state: 'unanswered', actual: 'one' });
    expect(verdictOf(lesson, 'several', { demo })?.text).toContain('What happened instead');
  });
});
