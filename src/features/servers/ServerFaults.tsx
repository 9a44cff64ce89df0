import { useState } from 'react';
import { useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { LIMITS, LIVE_LIMITS } from '../../engine/scenario/limits.ts';

/** Props of {@link ServerFaults}. */
export interface ServerFaultsProps {
  readonly slot: number;
  readonly server: {
    readonly name: string;
    readonly errorRate: number;
    readonly partitioned: boolean;
    /** The service-time multiplier of a spike in progress; 1 when none. */
    readonly spike: number;
  };
}

const factorRule = ruleFor('spike factor', LIVE_LIMITS.spikeFactor);
// The field takes seconds, the command milliseconds.
const durationRule = ruleFor('spike duration', LIVE_LIMITS.spikeDurationMs, { scale: 1 / 1000 });
// The field takes percent, the format a share.
const errorRule = ruleFor('error rate', LIMITS.server.errorRate, { scale: 100 });

/** A share as the percent typed in the field: 0.3 → "30" (no float noise like 30.000000000000004). */
const asPercent = (share: number) => String(+(share * 100).toFixed(4));

/**
 * Faults to inject into one server, beside the drain and crash buttons of its row: a latency
 * spike, a sinkhole (a share of requests failed fast) and a network partition.
 */
export function ServerFaults({ slot, server }: ServerFaultsProps) {
  const command = useApp((s) => s.command);
  // The spike to inject next; kept here because it is not part of the setup until it is sent.
  const [factor, setFactor] = useState(5);
  const [seconds, setSeconds] = useState(10);
  const field = (name: string) => `server-${slot}-${name}`;
  const spiking = server.spike !== 1;

  return (
    <fieldset className="server-faults">
      <legend>Faults</legend>
      <div className="server-fault-line">
        <DraftField
          id={field('spikeFactor')}
          label="Spike ×"
          testId="server.spikeFactor"
          value={String(factor)}
          rule={factorRule}
          className="is-inline"
          onCommit={(v) => {
            setFactor(v);
            return true;
          }}
        />
        <DraftField
          id={field('spikeSeconds')}
          label="for"
          testId="server.spikeDuration"
          value={String(seconds)}
          rule={durationRule}
          unit="s"
          className="is-inline"
          onCommit={(v) => {
            setSeconds(v);
            return true;
          }}
        />
        <button
          type="button"
          className="btn btn-small"
          data-testid="server.spike"
          aria-label={`Spike ${server.name}: service times ×${factor} for ${seconds} s`}
          onClick={() =>
            void command({ type: 'spikeServer', slot, factor, durationMs: seconds * 1000 })
          }
        >
          <span aria-hidden="true">▲</span> Spike
        </button>
      </div>
      <p className="server-fault-hint">
        {spiking
          ? `A spike is on: its requests take ×${+server.spike.toFixed(2)} as long.`
          : 'Its requests take that many times as long, for that long.'}
      </p>
      <DraftField
        id={field('errorRate')}
        label="Sinkhole"
        testId="server.errorRate"
        value={asPercent(server.errorRate)}
        rule={errorRule}
        unit="%"
        hint="Share of requests it fails fast (in 5 ms) instead of serving; 0 = none"
        onCommit={(pct) =>
          command({ type: 'updateServer', slot, changes: { errorRate: pct / 100 } })
        }
      />
      <div className="server-fault-line">
        <button
          type="button"
          className="btn btn-small"
          data-testid="server.partition"
          aria-pressed={server.partitioned}
          onClick={() =>
            void command({
              type: 'updateServer',
              slot,
              changes: { partitioned: !server.partitioned },
            })
          }
        >
          <span aria-hidden="true">∦</span> Partition
        </button>
        <span className="server-fault-hint">
          {server.partitioned
            ? 'Cut off: requests to it hang until the connect timeout.'
            : 'Cut it off from the balancer by a network partition.'}
        </span>
      </div>
    </fieldset>
  );
}
