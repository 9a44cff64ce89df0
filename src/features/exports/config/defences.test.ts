import { describe, expect, it } from 'vitest';
import { envoyDuration, spokenMs, unitTime, wholeSeconds } from './defences.ts';

describe('durations in each syntax', () => {
  it('writes HAProxy and NGINX times in whole seconds when they are, else in milliseconds', () => {
    expect(unitTime(2000)).toBe('2s');
    expect(unitTime(1500)).toBe('1500ms');
    expect(unitTime(25.4)).toBe('25ms');
    expect(unitTime(0.2)).toBe('1ms');
  });

  it('rounds up to whole seconds where only seconds are taken, and says whether that was exact', () => {
    expect(wholeSeconds(30_000)).toEqual({ text: '30s', exact: true });
    expect(wholeSeconds(2500)).toEqual({ text: '3s', exact: false });
    expect(wholeSeconds(10)).toEqual({ text: '1s', exact: false });
  });

  it('writes Envoy durations in seconds, positive ones at least 1 ms', () => {
    expect(envoyDuration(25)).toBe('0.025s');
    expect(envoyDuration(300_000)).toBe('300s');
    expect(envoyDuration(0.2)).toBe('0.001s');
    expect(envoyDuration(0)).toBe('0s');
  });

  it('speaks durations with a unit', () => {
    expect(spokenMs(250)).toBe('250 ms');
    expect(spokenMs(1500)).toBe('1.5 s');
  });
});
