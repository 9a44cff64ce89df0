import { describe, expect, it } from 'vitest';
import type { RawScenario } from '../engine/scenario/schema.ts';
import { historyEntry, SetupHistory } from './history.ts';

const entry = (seed: number, presetId: string | null = null) =>
  historyEntry({ seed } as RawScenario, presetId);

describe('SetupHistory', () => {
  it('keeps at most `limit` setups, dropping the oldest', () => {
    const h = new SetupHistory(5);
    for (let i = 0; i < 12; i++) h.push(entry(i));
    expect(h.size).toBe(5);
    let undos = 0;
    while (h.undo()) undos++;
    expect(undos).toBe(4);
    expect(h.current?.setup.seed).toBe(7);
  });

  it('drops what could be redone when a new change is pushed after an undo', () => {
    const h = new SetupHistory();
    h.reset([entry(1)]);
    h.push(entry(2));
    h.push(entry(3));
    expect(h.undo()?.to.setup.seed).toBe(2);
    expect(h.canRedo).toBe(true);
    h.push(entry(4));
    expect(h.canRedo).toBe(false);
    expect(h.undo()?.to.setup.seed).toBe(2);
  });

  it('does not record a setup equal to the current one, but notes its preset', () => {
    const h = new SetupHistory();
    h.reset([entry(1)]);
    expect(h.push(entry(1, 'classic'))).toBe(false);
    expect(h.size).toBe(1);
    expect(h.current?.presetId).toBe('classic');
    expect(h.push(entry(1))).toBe(false);
    expect(h.current?.presetId).toBe('classic');
  });

  it('takes back a move that could not be applied', () => {
    const h = new SetupHistory();
    h.reset([entry(1), entry(2)]);
    const move = h.undo()!;
    h.revert(move);
    expect(h.current?.setup.seed).toBe(2);
    expect(h.canUndo).toBe(true);
  });
});
