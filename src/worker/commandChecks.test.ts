import { describe, expect, it } from 'vitest';
import { PRESETS } from '../engine/scenario/presets.ts';
import { DEFAULT_SCENARIO } from '../engine/scenario/schema.ts';
import type { SimCommand } from './protocol.ts';
import { checkRecording } from './recordingFormat.ts';
import { SimSession } from './simSession.ts';

/** A recording of the classic demo with one action: `command` at time 0. */
function recordingWith(command: unknown) {
  const session = new SimSession(DEFAULT_SCENARIO);
  session.load(PRESETS[0]!.raw);
  const rec = session.recording();
  return { ...rec, actions: [{ at: 0, afterEvents: 0, command }] };
}

const live = (cmd: unknown) => {
  const session = new SimSession(DEFAULT_SCENARIO);
  session.load(PRESETS[0]!.raw);
  return session.command(cmd as SimCommand);
};

/** The message after the path: what both checks say about the field. */
const why = (message: string) => message.slice(message.indexOf(': ') + 2);

describe('one check for live and recorded commands', () => {
  const bad: Array<[string, unknown, string]> = [
    ['a burst of none', { type: 'fireBurst', count: 0 }, 'count'],
    ['half a request', { type: 'fireBurst', count: 1.5 }, 'count'],
    ['a rate above the format’s', { type: 'setRate', ratePerSec: 2e7 }, 'ratePerSec'],
    ['a spike of factor 0', { type: 'spikeServer', slot: 0, factor: 0, durationMs: 10 }, 'factor'],
    [
      'a capacity of 0',
      { type: 'updateServer', slot: 0, changes: { capacity: 0 } },
      'changes.capacity',
    ],
  ];
  for (const [what, cmd, field] of bad) {
    it(`refuses ${what} with the same words, live and in a recording`, () => {
      const refused = live(cmd);
      expect(refused.ok).toBe(false);
      const liveMessage = refused.ok ? '' : refused.message;
      const type = (cmd as { type: string }).type;
      expect(liveMessage.startsWith(`${type}.${field}: `)).toBe(true);

      const check = checkRecording(recordingWith(cmd));
      expect(check.ok).toBe(false);
      const recorded = check.ok ? '' : check.message;
      expect(recorded.startsWith(`actions[0].command.${field}: `)).toBe(true);
      expect(why(recorded)).toBe(why(liveMessage));
    });
  }

  it('takes a new seed live, but never as a recorded action', () => {
    expect(live({ type: 'setSeed', seed: 7 })).toEqual({ ok: true });
    const check = checkRecording(recordingWith({ type: 'setSeed', seed: 7 }));
    expect(check).toEqual({
      ok: false,
      message:
        'actions[0].command.type: a new seed starts a new recording, so "setSeed" is never one of its actions',
    });
  });

  it('accepts what is within the limits, live and recorded', () => {
    const good = { type: 'fireBurst', count: 100_000 };
    expect(live(good)).toEqual({ ok: true });
    expect(checkRecording(recordingWith(good)).ok).toBe(true);
  });
});
