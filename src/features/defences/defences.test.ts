import { describe, expect, it } from 'vitest';
import { LIMITS, LIVE_LIMITS } from '../../engine/scenario/limits.ts';
import { parseScenario } from '../../engine/scenario/schema.ts';
import { ruleFor } from '../../ui/fieldRules.ts';
import { RULES } from './defences.ts';

describe('defence field rules', () => {
  it('refuse what the schema refuses: intervals above an hour', () => {
    const day = RULES.intervalMs('86400000');
    expect(day).toEqual({
      ok: false,
      message: 'check interval must be a number from 10 to 3,600,000',
    });
    expect(parseScenario({ resilience: { healthCheck: { intervalMs: 86_400_000 } } }).ok).toBe(
      false,
    );
    expect(RULES.intervalMs('3600000')).toEqual({ ok: true, value: 3_600_000 });
  });

  it('take only values above 0 for a defence shown while it is on', () => {
    expect(RULES.slowStartMs('0').ok).toBe(false);
    expect(RULES.panicPercent('0').ok).toBe(false);
    // The format itself takes 0 there: it means off.
    expect(LIMITS.resilience.slowStartMs.min).toBe(0);
    expect(RULES.slowStartMs('1').ok).toBe(true);
  });
});

describe('ruleFor', () => {
  it('gives the steady-rate field the worker’s own ceiling', () => {
    const rate = ruleFor('rate', LIVE_LIMITS.ratePerSec);
    expect(rate('10,000,000')).toEqual({ ok: true, value: 10_000_000 });
    expect(rate('10,000,001')).toEqual({
      ok: false,
      message: 'rate must be a number from 0 to 10,000,000',
    });
  });

  it('scales limits for fields shown in other units', () => {
    const seconds = ruleFor('spike duration', LIVE_LIMITS.spikeDurationMs, { scale: 1 / 1000 });
    expect(seconds('3600').ok).toBe(true);
    expect(seconds('3601')).toEqual({
      ok: false,
      message: 'spike duration must be a number above 0 up to 3,600',
    });
    const percent = ruleFor('error rate', LIMITS.server.errorRate, { scale: 100 });
    expect(percent('100').ok).toBe(true);
    expect(percent('101').ok).toBe(false);
  });
});
