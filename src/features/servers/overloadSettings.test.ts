import { describe, expect, it } from 'vitest';
import { CONTENTION_OFF, SHEDDING_OFF } from '../../engine/overload/specs.ts';
import { overloadSettingsOn } from './overloadSettings.ts';

describe('overloadSettingsOn', () => {
  it('names nothing while every overload setting is off (the defaults)', () => {
    expect(overloadSettingsOn(CONTENTION_OFF, SHEDDING_OFF)).toEqual([]);
  });

  it('names each setting that is on, contention first, in the order the section shows them', () => {
    const on = overloadSettingsOn(
      { ...CONTENTION_OFF, model: 'usl' },
      { ...SHEDDING_OFF, maxQueue: 10, maxQueueMs: 500, codel: true, adaptiveLifo: true },
    );
    expect(on).toEqual([
      'USL contention',
      'queue length limit',
      'queue time limit',
      'CoDel',
      'adaptive LIFO',
    ]);
  });

  it('tells linear contention from USL', () => {
    expect(overloadSettingsOn({ ...CONTENTION_OFF, model: 'linear' }, SHEDDING_OFF)).toEqual([
      'linear contention',
    ]);
  });
});
