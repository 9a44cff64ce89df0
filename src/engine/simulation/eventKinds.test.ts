import { describe, expect, it } from 'vitest';
import { MAX_EVENT_KIND } from '../eventQueue.ts';
import { DEFAULT_SCENARIO } from '../scenario/schema.ts';
import { Simulation } from '../simulation.ts';
import {
  ARRIVAL,
  COMPLETE,
  EVENT_KIND_COUNT,
  LOAD_UPDATE,
  SCHEDULED,
  TIMEOUT,
  bindEventHandlers,
  eventTable,
} from './eventKinds.ts';

describe('the event-kind table', () => {
  it('numbers kinds by their place, distinct and few enough for the agenda’s five bits', () => {
    const kinds = [ARRIVAL, COMPLETE, SCHEDULED, TIMEOUT, LOAD_UPDATE];
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(eventTable()).toHaveLength(EVENT_KIND_COUNT);
    expect(EVENT_KIND_COUNT).toBeLessThanOrEqual(MAX_EVENT_KIND + 1);
    expect(eventTable()[ARRIVAL]).toEqual(['traffic', 'sourceArrival']);
    expect(eventTable()[COMPLETE]).toEqual(['core', 'complete']);
  });

  it('binds every kind but the core’s own to a method of a built simulation’s part', () => {
    const sim = new Simulation(DEFAULT_SCENARIO);
    const handlers = bindEventHandlers(sim);
    expect(handlers).toHaveLength(EVENT_KIND_COUNT);
    eventTable().forEach(([part, method], kind) => {
      if (part === 'core') expect(() => handlers[kind]!(0)).toThrow(/core/);
      else
        expect(typeof (sim[part as 'retries'] as unknown as Record<string, unknown>)[method]).toBe(
          'function',
        );
    });
  });
});
