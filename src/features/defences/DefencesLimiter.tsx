import {
  LIMIT_ALGORITHM_NAMES,
  LIMITER_DEFAULTS,
  type LimiterSpec,
} from '../../engine/overload/specs.ts';
import { DefenceField } from './DefenceField.tsx';
import { DefenceGroup } from './DefenceGroup.tsx';
import { DefenceModes, type DefenceMode } from './DefenceModes.tsx';
import type { DefenceSectionProps } from './defences.ts';
import { OVERLOAD_RULES } from './overloadRules.ts';
import { usePending } from '../../ui/usePending.ts';

type Algorithm = LimiterSpec['algorithm'];

const MODES: ReadonlyArray<DefenceMode<Algorithm>> = [
  { mode: 'off', label: 'Off', what: 'The balancer sends a server as much as its queue takes.' },
  {
    mode: 'aimd',
    label: LIMIT_ALGORITHM_NAMES.aimd,
    what: 'Loss based, like TCP: +1 while the limit is in use, ×0.9 on a failure or timeout (AIMDLimit). The library suggests it for clients, which the balancer is.',
  },
  {
    mode: 'gradient',
    label: LIMIT_ALGORITHM_NAMES.gradient,
    what: 'Delay based: grows while latency stays within 2× the minimum seen, shrinks as it rises; a new minimum is probed now and then (GradientLimit, per 1 s window).',
  },
  {
    mode: 'gradient2',
    label: LIMIT_ALGORITHM_NAMES.gradient2,
    what: 'Delay based against a long average instead of the minimum, which bursty latencies bias (Gradient2Limit, per 1 s window; the library’s choice for servers).',
  },
];

/**
 * A learning concurrency limit per server at the balancer, as in Netflix's concurrency-limits:
 * requests over a server's limit are rejected at once (`limited`) and may be retried elsewhere.
 */
export function DefencesLimiter({ spec, change }: DefenceSectionProps) {
  const l = spec.limiter;
  const mode = usePending(l.algorithm);
  const set = (patch: Partial<LimiterSpec>) =>
    change((r) => ({ limiter: { ...r.limiter, ...patch } }));
  // A new algorithm starts from its own library defaults, as a file naming only it would.
  const pick = (algorithm: Algorithm) =>
    set(algorithm === 'off' ? { algorithm } : { ...LIMITER_DEFAULTS[algorithm], algorithm });
  const source = (field: keyof typeof LIMITER_DEFAULTS.aimd) =>
    l.algorithm === 'off' ? '' : `library: ${LIMITER_DEFAULTS[l.algorithm][field]}`;

  return (
    <DefenceGroup
      title="Concurrency limit"
      what="Per server, a limit on requests in flight that learns from their latency and failures (Netflix concurrency-limits); over it, a request is rejected as limited."
      on={mode.shown !== 'off'}
      testId="defences.limiter"
    >
      <DefenceModes
        name="limiter"
        modes={MODES}
        shown={mode.shown}
        onPick={(m) => mode.track(m, pick(m))}
      />
      {mode.shown !== 'off' && (
        <div className="defence-fields">
          <DefenceField
            name="limiter.initialLimit"
            label="Start at"
            value={l.initialLimit}
            rule={OVERLOAD_RULES.limit}
            whole
            source={source('initialLimit')}
            onCommit={(initialLimit) => set({ initialLimit })}
          />
          <DefenceField
            name="limiter.minLimit"
            label="Never below"
            value={l.minLimit}
            rule={OVERLOAD_RULES.limit}
            whole
            source={`${source('minLimit')}; servers here are small, try 1`}
            onCommit={(minLimit) => set({ minLimit })}
          />
          <DefenceField
            name="limiter.maxLimit"
            label="Never above"
            value={l.maxLimit}
            rule={OVERLOAD_RULES.limit}
            whole
            source={source('maxLimit')}
            onCommit={(maxLimit) => set({ maxLimit })}
          />
          {mode.shown !== 'gradient2' && (
            <DefenceField
              name="limiter.backoffRatio"
              label="Back off to"
              value={l.backoffRatio}
              rule={OVERLOAD_RULES.backoffRatio}
              unit="×"
              source={`on a drop; ${source('backoffRatio')}`}
              onCommit={(backoffRatio) => set({ backoffRatio })}
            />
          )}
          {mode.shown !== 'aimd' && (
            <DefenceField
              name="limiter.rttTolerance"
              label="RTT tolerance"
              value={l.rttTolerance}
              rule={OVERLOAD_RULES.rttTolerance}
              unit="×"
              source={source('rttTolerance')}
              onCommit={(rttTolerance) => set({ rttTolerance })}
            />
          )}
        </div>
      )}
    </DefenceGroup>
  );
}
