import { describe, expect, it } from 'vitest';
import { sweepProgressText, wallTimeText } from './sweepProgressText.ts';

const job = { done: 10, total: 40, startedAt: 1_000, updatedAt: 6_000, stopping: false };

describe('sweepProgressText', () => {
  it('estimates the time left from the pace so far', () => {
    // 10 runs in 5 s: 30 more take 15 s.
    expect(sweepProgressText(job, 3)).toBe('10 of 40 runs on 3 workers · about 15 s left');
  });

  it('says singulars, the start and a stop in progress', () => {
    expect(sweepProgressText({ ...job, done: 0, total: 1 }, 1)).toBe(
      '0 of 1 run on 1 worker · starting',
    );
    expect(sweepProgressText({ ...job, stopping: true }, 2)).toBe(
      '10 of 40 runs on 2 workers · stopping: the runs in progress finish first',
    );
  });
});

describe('wallTimeText', () => {
  it('reads seconds, then minutes and seconds', () => {
    expect(wallTimeText(8_400)).toBe('8 s');
    expect(wallTimeText(125_000)).toBe('2 min 05 s');
  });
});
