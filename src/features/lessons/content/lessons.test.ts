import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../engine/scenario/schema.ts';
import type { RawScenario } from '../../../engine/scenario/schema.ts';
import { Simulation } from '../../../engine/simulation.ts';
import { summarize } from '../../../engine/summary.ts';
import { formatCount, formatMs, formatRate } from '../../../lib/format.ts';
import { LESSONS, lessonById, verdictOf } from './index.ts';
import type { Lesson, LessonRuns, RunRecord } from './types.ts';

/** Runs a scenario to the end in Node, as the page's worker would. */
function runHeadless(raw: RawScenario): RunRecord {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const sim = new Simulation(parsed.scenario, { logRequests: false });
  sim.runToEnd();
  return { summary: summarize(sim), setup: parsed.scenario };
}

const cache = new Map<string, LessonRuns>();
function runAll(lesson: Lesson): LessonRuns {
  let runs = cache.get(lesson.id);
  if (!runs) {
    runs = Object.fromEntries(
      Object.entries(lesson.scenarios).map(([key, raw]) => [key, runHeadless(raw)]),
    );
    cache.set(lesson.id, runs);
  }
  return runs;
}

function explainText(lesson: Lesson, runs: LessonRuns): string {
  return lesson.steps.flatMap((s) => (s.kind === 'explain' ? s.explain(runs) : [])).join('\n');
}

describe('lessons', () => {
  it('has at least six lessons with unique ids and one prediction each', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const lesson of LESSONS) {
      expect(lesson.steps.filter((s) => s.kind === 'predict')).toHaveLength(1);
      expect(lesson.steps[0]?.kind).toBe('setup');
      expect(lesson.steps.some((s) => s.kind === 'explain' && s.verdict)).toBe(true);
    }
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: every step names a scenario it has, and each explanation needs only runs before it',
    (_id, lesson) => {
      const ran = new Set<string>();
      for (const step of lesson.steps) {
        if (step.kind === 'setup' || step.kind === 'run' || step.kind === 'try') {
          expect(lesson.scenarios[step.scenario]).toBeDefined();
          if (step.kind !== 'setup') ran.add(step.scenario);
        }
        if (step.kind === 'explain') for (const key of step.needs) expect(ran.has(key)).toBe(true);
      }
      for (const raw of Object.values(lesson.scenarios)) expect(parseScenario(raw).ok).toBe(true);
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: the prediction is answered from the runs and the explanation quotes them',
    (_id, lesson) => {
      const runs = runAll(lesson);
      const predict = lesson.steps.find((s) => s.kind === 'predict')!;
      const actual = predict.kind === 'predict' ? predict.outcome(runs) : null;
      expect(predict.kind === 'predict' && predict.choices.map((c) => c.id)).toContain(actual);
      const text = explainText(lesson, runs);
      for (const run of Object.values(runs)) {
        // Each run is quoted by at least one of its own numbers, formatted as the page shows them.
        const { requests, latencyMs, servers, cache } = run!.summary;
        const quotable = [
          formatMs(latencyMs.p99),
          formatCount(requests.served),
          formatCount(cache.hits),
          ...servers.map((s) => formatCount(s.served)),
        ];
        expect(quotable.some((q) => text.includes(q))).toBe(true);
      }
    },
  );
});

describe('the lessons tell what the engine does', () => {
  const outcome = (id: string) => {
    const lesson = lessonById(id)!;
    const runs = runAll(lesson);
    const v = verdictOf(lesson, null, runs);
    return v && v.state !== 'pending' ? v.actual : null;
  };

  it('the ten requests: 9 served, 1 rejected for no healthy servers', () => {
    const lesson = lessonById('ten-requests')!;
    const runs = runAll(lesson);
    expect(outcome('ten-requests')).toBe('one');
    const text = explainText(lesson, runs);
    expect(text).toContain('9 served in all');
    expect(text).toContain('1 request (10%) was rejected');
    expect(text).toContain('Server-B served 2 (capacity 2)');
  });

  it('answers the other lessons as the engine behaves', () => {
    expect(outcome('unequal-servers')).toBe('small');
    expect(outcome('least-connections-bursts')).toBe('lower');
    expect(outcome('power-of-two')).toBe('lower');
    expect(outcome('consistent-hash-cache')).toBe('higher');
    expect(outcome('server-failure')).toBe('some');
    expect(outcome('the-knee')).toBe('wall');
  });
});

describe('the metastability lesson', () => {
  it('sees the open loop stuck, the closed loop and shedding recover, with the runs’ numbers', () => {
    const lesson = lessonById('metastability')!;
    const runs = runAll(lesson);
    const v = verdictOf(lesson, null, runs);
    expect(v && v.state !== 'pending' ? v.actual : null).toBe('stuck');
    const text = explainText(lesson, runs);
    const good = (key: string) => runs[key]!.summary.goodput!;
    expect(good('closed')).toBeGreaterThan(3 * good('open'));
    expect(good('shed')).toBeGreaterThan(3 * good('open'));
    expect(text).toContain(
      `goodput ${formatRate(good('closed'))} against ${formatRate(good('open'))}`,
    );
    expect(text).toContain('Metastable Failures in Distributed Systems');
  });
});
