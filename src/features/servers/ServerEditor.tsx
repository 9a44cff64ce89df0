import { useState } from 'react';
import type { ServerChanges } from '../../engine/scenario/types.ts';
import { useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { ruleFor, serverName } from '../../ui/fieldRules.ts';
import { ServerFaults } from './ServerFaults.tsx';
import { LIMITS } from '../../engine/scenario/limits.ts';

/** Props of {@link ServerEditor}. */
export interface ServerEditorProps {
  readonly id: string;
  readonly slot: number;
  readonly server: {
    readonly name: string;
    readonly capacity: number;
    readonly weight: number;
    readonly speed: number;
    readonly queueLimit: number | null;
    readonly errorRate: number;
    readonly partitioned: boolean;
    readonly spike: number;
  };
  /** Names of the other servers: a new name must differ from all of them. */
  readonly otherNames: readonly string[];
}

const capacityRule = ruleFor('capacity', LIMITS.server.capacity);
const weightRule = ruleFor('weight', LIMITS.server.weight);
const speedRule = ruleFor('speed', LIMITS.server.speed);
const queueRule = ruleFor('queue limit', LIMITS.server.queueLimit);

/**
 * A server's settings and the faults that can be injected into it. Each field applies on Enter or when focus leaves it, and takes effect at
 * the current simulated time; requests already on the server finish as they were.
 */
export function ServerEditor({ id, slot, server, otherNames }: ServerEditorProps) {
  const command = useApp((s) => s.command);
  const update = (changes: ServerChanges) => command({ type: 'updateServer', slot, changes });
  // The bound to go back to when "unbounded" is unticked: the last one this editor saw.
  const [lastBound, setLastBound] = useState(server.queueLimit ?? 0);
  if (server.queueLimit !== null && server.queueLimit !== lastBound)
    setLastBound(server.queueLimit);
  // The box shows the new state at once (a checkbox must change when clicked), until the
  // snapshot confirms it or the worker refuses.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const [seenUnbounded, setSeenUnbounded] = useState(server.queueLimit === null);
  if (seenUnbounded !== (server.queueLimit === null)) {
    setSeenUnbounded(server.queueLimit === null);
    setTicked(null);
  }
  const unbounded = ticked ?? server.queueLimit === null;
  async function setUnbounded(on: boolean): Promise<void> {
    setTicked(on);
    if (!(await update({ queueLimit: on ? null : lastBound }))) setTicked(null);
  }
  const field = (name: string) => `server-${slot}-${name}`;

  return (
    <div id={id} className="server-editor" role="group" aria-label={`Settings of ${server.name}`}>
      <DraftField
        id={field('name')}
        label="Name"
        testId="server.name"
        value={server.name}
        rule={serverName(otherNames)}
        inputMode="text"
        onCommit={(name) => update({ name })}
      />
      <DraftField
        id={field('capacity')}
        label="Capacity"
        testId="server.capacity"
        value={String(server.capacity)}
        rule={capacityRule}
        inputMode="numeric"
        hint="Requests it serves at once"
        onCommit={(capacity) => update({ capacity })}
      />
      <DraftField
        id={field('weight')}
        label="Weight"
        testId="server.weight"
        value={String(server.weight)}
        rule={weightRule}
        hint="Its share under weighted round robin"
        onCommit={(weight) => update({ weight })}
      />
      <DraftField
        id={field('speed')}
        label="Speed"
        testId="server.speed"
        value={String(server.speed)}
        rule={speedRule}
        unit="×"
        hint="2 serves each request twice as fast"
        onCommit={(speed) => update({ speed })}
      />
      <DraftField
        id={field('queue')}
        label="Queue limit"
        testId="server.queueLimit"
        value={unbounded ? '' : String(server.queueLimit ?? lastBound)}
        placeholder={unbounded ? '∞' : undefined}
        rule={queueRule}
        inputMode="numeric"
        disabled={unbounded}
        hint="Requests that may wait; 0 turns extra ones away"
        onCommit={(queueLimit) => update({ queueLimit })}
      />
      <label className="server-unbounded">
        <input
          type="checkbox"
          data-testid="server.queueUnbounded"
          checked={unbounded}
          onChange={(e) => void setUnbounded(e.target.checked)}
        />
        Unbounded queue
      </label>
      <ServerFaults slot={slot} server={server} />
    </div>
  );
}
