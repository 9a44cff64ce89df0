import { describe, expect, test } from 'vitest';
import { testHost } from '../testing/sandboxed.ts';
import { EXERCISES } from './catalog.ts';
import { gradeExercise } from './grade.ts';
import { gradeSummary } from './gradeReport.ts';

describe.each(EXERCISES.map((e) => [e.title, e] as const))('%s', (_title, exercise) => {
  test('the reference solution passes every case', async () => {
    const report = gradeExercise(await testHost(), exercise.id, exercise.solution);
    expect(report.loadError).toBeNull();
    expect(report.cases.filter((c) => !c.passed)).toEqual([]);
    expect(report.cases.length).toBeGreaterThanOrEqual(4);
    expect(report.passed).toBe(true);
    expect(gradeSummary(report)).toBe(`All ${report.cases.length} cases passed.`);
  });

  test('the starter fails, saying what was expected and what it did', async () => {
    const report = gradeExercise(await testHost(), exercise.id, exercise.starter);
    expect(report.passed).toBe(false);
    const failed = report.cases.filter((c) => !c.passed);
    expect(failed.length).toBeGreaterThan(0);
    for (const c of failed) {
      expect(c.expected).not.toBe('');
      expect(c.actual).not.toBe('');
      expect(c.actual).not.toBe(c.expected);
    }
  });
});

test('code that does not load is reported as such, with no cases run', async () => {
  const report = gradeExercise(await testHost(), 'round-robin', 'function selectServer(s) {');
  expect(report.cases).toEqual([]);
  expect(report.loadError?.kind).toBe('syntax');
  expect(gradeSummary(report)).toMatch(/^The code did not load: Line 1: SyntaxError/);
});

test('a failing case quotes the first pick that differs', async () => {
  const report = gradeExercise(await testHost(), 'round-robin', EXERCISES[0]!.starter);
  expect(report.cases[0]).toEqual({
    name: 'pick by pick on a seeded run',
    passed: false,
    expected: 'pick 2: Server-B (as the built-in round robin)',
    actual: 'pick 2: Server-A',
  });
});
