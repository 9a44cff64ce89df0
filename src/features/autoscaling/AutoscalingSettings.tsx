import type { AutoscalingPolicy, ScalingMetric } from '../../engine/scenario/types.ts';
import {
  METRICS,
  metricScale,
  POLICIES,
  RULES,
  suggestedSteps,
  suggestedTarget,
} from './autoscalingForm.ts';
import { HpaFields } from './HpaFields.tsx';
import { ScalingField } from './ScalingField.tsx';
import { ScheduleFields } from './ScheduleFields.tsx';
import type { ScalingSectionProps } from './scalingTypes.ts';
import { StepFields } from './StepFields.tsx';

/** The autoscaler's settings: policy, metric and target, bounds, timings, then the policy's own. */
export function AutoscalingSettings({ spec, change }: ScalingSectionProps) {
  const policy = POLICIES.find((p) => p.policy === spec.policy)!;
  const metric = METRICS.find((m) => m.metric === spec.metric)!;
  const utilization = spec.metric === 'utilization';

  function pickPolicy(next: AutoscalingPolicy): void {
    void change((s) => ({
      policy: next,
      // A policy switched to without settings of its own starts from suggested ones.
      ...(next === 'step' && s.steps.length === 0 ? { steps: suggestedSteps(s.target) } : {}),
      ...(next === 'scheduled' && s.schedule.length === 0
        ? { schedule: [{ at: 0, servers: s.minServers }] }
        : {}),
    }));
  }

  function pickMetric(next: ScalingMetric): void {
    void change((s) => {
      const target = suggestedTarget(next, s);
      return { metric: next, target, steps: suggestedSteps(target) };
    });
  }

  return (
    <div className="scaling-settings">
      <fieldset className="scaling-group">
        <legend>Policy</legend>
        <div className="scaling-choices" role="radiogroup" aria-label="Policy">
          {POLICIES.map((p) => (
            <label key={p.policy} className="scaling-choice">
              <input
                type="radio"
                name="autoscaling-policy"
                data-testid="autoscaling.policy"
                data-policy={p.policy}
                checked={spec.policy === p.policy}
                onChange={() => pickPolicy(p.policy)}
              />
              {p.label}
            </label>
          ))}
        </div>
        <p className="scaling-note">{policy.what}</p>
      </fieldset>
      {spec.policy !== 'scheduled' && (
        <fieldset className="scaling-group">
          <legend>Metric</legend>
          <select
            className="control-select"
            aria-label="Metric"
            data-testid="autoscaling.metric"
            value={spec.metric}
            onChange={(e) => pickMetric(e.target.value as ScalingMetric)}
          >
            {METRICS.map((m) => (
              <option key={m.metric} value={m.metric}>
                {m.label}
              </option>
            ))}
          </select>
          <p className="scaling-note">{metric.what}</p>
          {spec.policy === 'hpa' && (
            <div className="scaling-fields">
              <ScalingField
                name="target"
                label="Target"
                value={spec.target * metricScale(spec.metric)}
                rule={utilization ? RULES.utilizationPercent : RULES.target}
                unit={metric.unit}
                whole={utilization}
                hint={utilization ? 'Kubernetes keeps whole percents' : 'per ready server'}
                onCommit={(v) => change(() => ({ target: v / metricScale(spec.metric) }))}
              />
            </div>
          )}
        </fieldset>
      )}
      <fieldset className="scaling-group">
        <legend>Bounds and timing</legend>
        <div className="scaling-fields">
          <ScalingField
            name="minServers"
            label="Min servers"
            value={spec.minServers}
            rule={RULES.minServers}
            whole
            onCommit={(minServers) => change(() => ({ minServers }))}
          />
          <ScalingField
            name="maxServers"
            label="Max servers"
            value={spec.maxServers}
            rule={RULES.maxServers}
            whole
            onCommit={(maxServers) => change(() => ({ maxServers }))}
          />
          <ScalingField
            name="syncPeriod"
            label="Sync every"
            value={spec.syncPeriodMs / 1000}
            rule={RULES.syncSeconds}
            unit="s"
            hint="Kubernetes: 15 s"
            onCommit={(s) => change(() => ({ syncPeriodMs: s * 1000 }))}
          />
          <ScalingField
            name="provisioning"
            label="Cold start"
            value={spec.provisioningMs / 1000}
            rule={RULES.provisioningSeconds}
            unit="s"
            hint="a new server boots this long"
            onCommit={(s) => change(() => ({ provisioningMs: s * 1000 }))}
          />
        </div>
      </fieldset>
      {spec.policy === 'hpa' && <HpaFields spec={spec} change={change} />}
      {spec.policy === 'step' && <StepFields spec={spec} change={change} />}
      {spec.policy === 'scheduled' && <ScheduleFields spec={spec} change={change} />}
    </div>
  );
}
