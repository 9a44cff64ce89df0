import type { ServiceSpec } from '../../engine/scenario/types.ts';
import { formatMs } from '../../lib/format.ts';
import { useShallow, useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { type Rule, ruleFor } from '../../ui/fieldRules.ts';
import { meanServiceMs } from '../../engine/serviceTime.ts';
import { DISTRIBUTIONS, withDistribution, type Distribution } from './serviceDefaults.ts';
import { LIMITS } from '../../engine/scenario/limits.ts';

const ms = (label: string, aboveZero = false) =>
  ruleFor(label, aboveZero ? LIMITS.service.positiveMs : LIMITS.service.ms);
const sigmaRule = ruleFor('sigma', LIMITS.service.sigma);

/** A rule plus a check against another field (uniform: minimum <= maximum). */
function alsoCheck(rule: Rule<number>, problem: (v: number) => string | null): Rule<number> {
  return (text) => {
    const parsed = rule(text);
    const message = parsed.ok ? problem(parsed.value) : null;
    return message ? { ok: false, message } : parsed;
  };
}

/** How long a request takes at a server of speed 1: the distribution and its parameters. */
export function ServiceFields() {
  const service = useApp(useShallow((s) => s.snapshot?.setup.service ?? null));
  const command = useApp((s) => s.command);
  if (!service) return null;
  const set = (next: ServiceSpec) => command({ type: 'setService', service: next });

  const field = (
    key: string,
    label: string,
    testId: string,
    value: number,
    rule: Rule<number>,
    apply: (v: number) => ServiceSpec,
  ) => (
    <DraftField
      key={`${service.distribution}-${key}`}
      id={`service-${key}`}
      label={label}
      testId={testId}
      value={String(value)}
      rule={rule}
      unit={key === 'sigma' ? undefined : 'ms'}
      onCommit={(v) => set(apply(v))}
    />
  );

  return (
    <fieldset className="workload-group">
      <legend>Service time</legend>
      <label className="workload-select">
        <span>Distribution</span>
        <select
          className="control-select"
          data-testid="traffic.distribution"
          value={service.distribution}
          onChange={(e) => void set(withDistribution(service, e.target.value as Distribution))}
        >
          {DISTRIBUTIONS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      {service.distribution === 'uniform' && (
        <>
          {field(
            'min',
            'Minimum',
            'traffic.serviceMin',
            service.minMs,
            alsoCheck(ms('minimum'), (v) =>
              v > service.maxMs
                ? `minimum must be at most the maximum (${service.maxMs} ms)`
                : null,
            ),
            (minMs) => ({ ...service, minMs }),
          )}
          {field(
            'max',
            'Maximum',
            'traffic.serviceMax',
            service.maxMs,
            alsoCheck(ms('maximum'), (v) =>
              v < service.minMs
                ? `maximum must be at least the minimum (${service.minMs} ms)`
                : null,
            ),
            (maxMs) => ({ ...service, maxMs }),
          )}
        </>
      )}
      {service.distribution === 'exponential' &&
        field(
          'mean',
          'Mean',
          'traffic.serviceMean',
          service.meanMs,
          ms('mean', true),
          (meanMs) => ({ ...service, meanMs }),
        )}
      {service.distribution === 'constant' &&
        field('ms', 'Time', 'traffic.serviceMs', service.ms, ms('time'), (v) => ({
          ...service,
          ms: v,
        }))}
      {service.distribution === 'lognormal' && (
        <>
          {field(
            'median',
            'Median',
            'traffic.serviceMedian',
            service.medianMs,
            ms('median', true),
            (medianMs) => ({ ...service, medianMs }),
          )}
          {field(
            'sigma',
            'Sigma (spread)',
            'traffic.serviceSigma',
            service.sigma,
            sigmaRule,
            (sigma) => ({ ...service, sigma }),
          )}
        </>
      )}
      <p className="traffic-note">
        {DISTRIBUTIONS.find((d) => d.value === service.distribution)?.note} Mean{' '}
        {formatMs(meanServiceMs(service))} per request at speed 1.
      </p>
    </fieldset>
  );
}
