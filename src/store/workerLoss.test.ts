import { describe, expect, it } from 'vitest';
import { replaceStalled } from './workerLoss.ts';

function harness() {
  let now = 0;
  const log: string[] = [];
  const onLoss = replaceStalled({
    crashed: (m) => log.push(`crashed: ${m}`),
    restart: async () => {
      log.push('restart');
    },
    notify: (t) => log.push(`notice: ${t}`),
    now: () => now,
  });
  return { onLoss, log, at: (t: number) => (now = t) };
}

describe('replaceStalled', () => {
  it('leaves a crash to the banner and its Restart button', async () => {
    const h = harness();
    h.onLoss('boom', 'crashed');
    await Promise.resolve();
    expect(h.log).toEqual(['crashed: boom']);
  });

  it('replaces a stalled worker at once and says so', async () => {
    const h = harness();
    h.onLoss('the simulation stopped answering', 'stalled');
    await new Promise((r) => setTimeout(r, 0));
    expect(h.log[0]).toBe('crashed: the simulation stopped answering');
    expect(h.log[1]).toBe('restart');
    expect(h.log[2]).toMatch(
      /^notice: The simulation was replaced: the simulation stopped .*your setup/,
    );
  });

  it('does not replace a worker lost again within 30 s, so a hanging setup cannot loop', async () => {
    const h = harness();
    h.at(1_000);
    h.onLoss('stuck', 'stalled');
    h.at(20_000);
    h.onLoss('stuck', 'stalled');
    h.at(60_000);
    h.onLoss('stuck', 'stalled');
    await new Promise((r) => setTimeout(r, 0));
    expect(h.log.filter((l) => l === 'restart')).toHaveLength(2);
  });
});
