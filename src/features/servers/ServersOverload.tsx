import { useRef, useState } from 'react';
import { peakConcurrency } from '../../engine/overload/contention.ts';
import type { ContentionSpec, SheddingSpec } from '../../engine/overload/specs.ts';
import { OVERLOAD_LIMITS } from '../../engine/scenario/overloadLimits.ts';
import { useApp, useAppStore } from '../../store/hooks.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { usePending } from '../../ui/usePending.ts';
import { FoldedWhileOff } from '../../ui/FoldedWhileOff.tsx';
import { overloadSettingsOn } from './overloadSettings.ts';
import {
  DefenceField,
  DefenceGroup,
  DefenceModes,
  DefenceToggleField,
  type DefenceMode,
} from '../defences/index.ts';

const O = OVERLOAD_LIMITS;
const RULES = {
  alpha: ruleFor('alpha', O.contention.alpha),
  beta: ruleFor('beta', O.contention.beta),
  maxQueue: ruleFor('queue length', O.shedding.maxQueue),
  maxQueueMs: ruleFor('queue time', O.shedding.maxQueueMs),
  targetMs: ruleFor('target', O.shedding.targetMs),
  intervalMs: ruleFor('interval', O.shedding.intervalMs),
};

const MODELS: ReadonlyArray<DefenceMode<ContentionSpec['model']>> = [
  {
    mode: 'off',
    label: 'Off',
    what: 'A request takes its service time however busy the server is.',
  },
  {
    mode: 'linear',
    label: 'Linear',
    what: 'Each request takes s × (1 + α × (others in service)) when it starts: a busy server is slower for everyone.',
  },
  {
    mode: 'usl',
    label: 'USL',
    what: 'Gunther’s Universal Scalability Law: s × (1 + α(N − 1) + βN(N − 1)); past a peak, more concurrency means less throughput.',
  },
];

/**
 * How every server behaves under overload: its service time grows with concurrency (contention)
 * and it sheds requests from its queue (a length or time limit, CoDel, adaptive LIFO). Settings
 * for all servers at once, as a deployment's server configuration would be. Folded while all of
 * it is off, so that the Traffic panel below stays on the first screen.
 */
export function ServersOverload() {
  const shedding = useApp((s) => s.snapshot?.setup.shedding ?? null);
  const contention = useApp((s) => s.snapshot?.setup.contention ?? null);
  const command = useApp((s) => s.command);
  const store = useAppStore();
  const [refusal, setRefusal] = useState<string | null>(null);
  // Settings last sent that no snapshot has shown yet, so quick changes build on each other.
  const sentShedding = useRef<{ base: SheddingSpec; spec: SheddingSpec } | null>(null);
  const sentContention = useRef<{ base: ContentionSpec; spec: ContentionSpec } | null>(null);
  const model = usePending(contention?.model ?? 'off');
  const codel = usePending(shedding?.codel ?? false);
  const lifo = usePending(shedding?.adaptiveLifo ?? false);
  if (!shedding || !contention) return null;

  const report = (ok: boolean) => {
    setRefusal(
      ok ? null : (store.getState().notice?.text ?? 'The simulation refused that change.'),
    );
    return ok;
  };
  const shed = async (patch: Partial<SheddingSpec>) => {
    const from = sentShedding.current?.base === shedding ? sentShedding.current.spec : shedding;
    const spec = { ...from, ...patch };
    sentShedding.current = { base: shedding, spec };
    return report(await command({ type: 'setShedding', shedding: spec }));
  };
  const contend = async (patch: Partial<ContentionSpec>) => {
    const from =
      sentContention.current?.base === contention ? sentContention.current.spec : contention;
    const spec = { ...from, ...patch };
    sentContention.current = { base: contention, spec };
    return report(await command({ type: 'setContention', contention: spec }));
  };
  const peak = peakConcurrency(contention);

  return (
    <FoldedWhileOff
      title="Under overload (every server)"
      on={overloadSettingsOn(contention, shedding)}
      className="servers-overload"
      summaryClassName="servers-subhead"
      testId="servers.overload"
    >
      {refusal && (
        <p className="defences-refusal" role="alert">
          <span aria-hidden="true">⚠ </span>
          {refusal}
        </p>
      )}
      <DefenceGroup
        title="Contention"
        what="Service time grows with the requests in service, so overload makes every request slower, not only queued longer."
        on={model.shown !== 'off'}
        testId="servers.contention"
      >
        <DefenceModes
          name="contention"
          modes={MODELS}
          shown={model.shown}
          onPick={(m) => model.track(m, contend({ model: m }))}
        />
        {model.shown !== 'off' && (
          <div className="defence-fields">
            <DefenceField
              name="contention.alpha"
              label="α contention"
              value={contention.alpha}
              rule={RULES.alpha}
              source="share of the work that is serialised"
              onCommit={(alpha) => contend({ alpha })}
            />
            {model.shown === 'usl' && (
              <DefenceField
                name="contention.beta"
                label="β coherency"
                value={contention.beta}
                rule={RULES.beta}
                source={
                  Number.isFinite(peak)
                    ? `cost per pair; throughput peaks at ${Math.round(peak)} in service`
                    : 'cost per pair of requests in service'
                }
                onCommit={(beta) => contend({ beta })}
              />
            )}
          </div>
        )}
      </DefenceGroup>
      <DefenceGroup
        title="Load shedding"
        what="A server refuses requests from its own queue before they waste its time; each one is rejected as shed (and may be retried)."
        on={shedding.maxQueue !== null || shedding.maxQueueMs !== null || codel.shown || lifo.shown}
        testId="servers.shedding"
      >
        <DefenceToggleField
          name="shedding.maxQueue"
          label="Queue length limit"
          fieldLabel="Shed beyond"
          value={shedding.maxQueue}
          suggested={10}
          rule={RULES.maxQueue}
          unit="waiting"
          source="a thread pool's bounded queue"
          onChange={(maxQueue) => shed({ maxQueue })}
        />
        <DefenceToggleField
          name="shedding.maxQueueMs"
          label="Queue time limit"
          fieldLabel="Shed after"
          value={shedding.maxQueueMs}
          suggested={500}
          rule={RULES.maxQueueMs}
          unit="ms"
          source="HAProxy timeout queue"
          onChange={(maxQueueMs) => shed({ maxQueueMs })}
        />
        <label className="defence-switch">
          <input
            type="checkbox"
            data-testid="servers.shedding.codel"
            checked={codel.shown}
            onChange={(e) => codel.track(e.target.checked, shed({ codel: e.target.checked }))}
          />
          CoDel: shed while the queue's delay stays above target
        </label>
        {codel.shown && (
          <div className="defence-fields">
            <DefenceField
              name="shedding.targetMs"
              label="Target"
              value={shedding.targetMs}
              rule={RULES.targetMs}
              unit="ms"
              source="RFC 8289, Fail at Scale: 5 ms"
              onCommit={(targetMs) => shed({ targetMs })}
            />
            <DefenceField
              name="shedding.intervalMs"
              label="Interval"
              value={shedding.intervalMs}
              rule={RULES.intervalMs}
              unit="ms"
              source="RFC 8289: 100 ms; drops every interval/√count"
              onCommit={(intervalMs) => shed({ intervalMs })}
            />
          </div>
        )}
        <label className="defence-switch">
          <input
            type="checkbox"
            data-testid="servers.shedding.lifo"
            checked={lifo.shown}
            onChange={(e) => lifo.track(e.target.checked, shed({ adaptiveLifo: e.target.checked }))}
          />
          Adaptive LIFO: newest first while the queue has stood for an interval
        </label>
      </DefenceGroup>
    </FoldedWhileOff>
  );
}
