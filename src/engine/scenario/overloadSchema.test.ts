import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import {
  closedLoopTrafficSchema,
  contentionSchema,
  hedgeSchema,
  limiterSchema,
  sheddingSchema,
  throttlingSchema,
} from './overloadSchema.ts';
import { issuesToProblems } from './problems.ts';
import {
  CONTENTION_OFF,
  HEDGE_OFF,
  LIMITER_OFF,
  SHEDDING_OFF,
  THROTTLING_OFF,
} from '../overload/specs.ts';

function problems(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? [] : issuesToProblems(r.error.issues);
}

describe('overload settings in scenario files', () => {
  it('are all off when left out', () => {
    expect(contentionSchema.parse(undefined)).toEqual(CONTENTION_OFF);
    expect(sheddingSchema.parse(undefined)).toEqual(SHEDDING_OFF);
    expect(limiterSchema.parse(undefined)).toEqual(LIMITER_OFF);
    expect(throttlingSchema.parse(undefined)).toEqual(THROTTLING_OFF);
    expect(hedgeSchema.parse(undefined)).toEqual(HEDGE_OFF);
  });

  it("fill a limiter's missing fields from its algorithm's library defaults", () => {
    expect(limiterSchema.parse({ algorithm: 'gradient', maxLimit: 40 })).toMatchObject({
      algorithm: 'gradient',
      initialLimit: 50,
      minLimit: 1,
      maxLimit: 40,
      rttTolerance: 2,
    });
    expect(limiterSchema.parse({ algorithm: 'gradient2' })).toMatchObject({ rttTolerance: 1.5 });
  });

  it('say what is wrong and where', () => {
    expect(problems(limiterSchema, { algorithm: 'vegas' })).toEqual([
      {
        path: 'algorithm',
        message: 'must be one of "off", "aimd", "gradient" or "gradient2" (got "vegas")',
      },
    ]);
    expect(problems(limiterSchema, { algorithm: 'aimd', backoffRatio: 1 })).toEqual([
      { path: 'backoffRatio', message: 'must be a number <= 0.99' },
    ]);
    expect(problems(limiterSchema, { algorithm: 'aimd', minLimit: 30, maxLimit: 10 })).toEqual([
      { path: 'minLimit', message: 'must be <= maxLimit (10)' },
    ]);
    expect(problems(hedgeSchema, { afterMs: 0 })).toEqual([
      { path: 'afterMs', message: 'must be a number > 0' },
    ]);
    expect(problems(sheddingSchema, { codl: true })).toEqual([
      { path: 'codl', message: 'unknown field (did you mean "codel"?)' },
    ]);
    expect(problems(throttlingSchema, { k: 0.5 })).toEqual([
      { path: 'k', message: 'must be a number >= 1' },
    ]);
  });

  it('read a closed-loop traffic entry', () => {
    expect(
      closedLoopTrafficSchema.parse({ from: 0, to: 60_000, clients: 50, thinkMs: 1000 }),
    ).toEqual({ kind: 'closed', from: 0, to: 60_000, clients: 50, thinkMs: 1000 });
    expect(problems(closedLoopTrafficSchema, { from: 10, to: 5, clients: 0, thinkMs: 0 })).toEqual([
      { path: 'clients', message: 'must be an integer >= 1' },
      { path: 'thinkMs', message: 'must be a number > 0' },
      { path: 'to', message: 'must be > from (10)' },
    ]);
    expect(problems(closedLoopTrafficSchema, { from: 10, to: 5, clients: 1, thinkMs: 1 })).toEqual([
      { path: 'to', message: 'must be > from (10)' },
    ]);
  });
});
