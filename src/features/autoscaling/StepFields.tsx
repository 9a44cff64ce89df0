import type { ScalingStep } from '../../engine/scenario/types.ts';
import { DraftField } from '../../ui/DraftField.tsx';
import type { Rule } from '../../ui/fieldRules.ts';
import { addStep, asText, metricScale, RULES } from './autoscalingForm.ts';
import { ScalingField } from './ScalingField.tsx';
import type { ScalingSectionProps } from './scalingTypes.ts';

/** A bound: a number, or empty for none (below everything, above everything). */
function boundRule(scale: number): Rule<number | null> {
  return (text) => {
    if (text.trim() === '') return { ok: true, value: null };
    const parsed = RULES.stepBound(text);
    return parsed.ok ? { ok: true, value: parsed.value / scale } : parsed;
  };
}

/**
 * AWS step scaling: a list of steps (a metric range and the servers it adds or removes), the
 * cooldown and the alarm's evaluation periods. A range's empty end is unbounded; the simulation
 * refuses steps that overlap, naming them.
 */
export function StepFields({ spec, change }: ScalingSectionProps) {
  const scale = metricScale(spec.metric);
  const unit = spec.metric === 'utilization' ? '%' : undefined;
  const percent = spec.adjustmentType === 'PercentChangeInCapacity';
  const rule = boundRule(scale);
  const setStep = (i: number, patch: Partial<ScalingStep>) =>
    change((s) => ({ steps: s.steps.map((st, k) => (k === i ? { ...st, ...patch } : st)) }));
  const shown = (v: number | null) => (v === null ? '' : asText(v * scale));

  return (
    <fieldset className="scaling-group" data-testid="autoscaling.steps">
      <legend>Steps (AWS step scaling)</legend>
      <table className="scaling-table">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">{percent ? 'Change %' : 'Servers'}</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {spec.steps.map((st, i) => (
            <tr key={i}>
              <td>
                <DraftField
                  id={`autoscaling-step-${i}-lower`}
                  label={<span className="visually-hidden">Step {i + 1} from</span>}
                  testId={`autoscaling.step.lower`}
                  value={shown(st.lower)}
                  placeholder="−∞"
                  unit={unit}
                  rule={rule}
                  className="is-inline"
                  onCommit={(lower) => setStep(i, { lower })}
                />
              </td>
              <td>
                <DraftField
                  id={`autoscaling-step-${i}-upper`}
                  label={<span className="visually-hidden">Step {i + 1} to</span>}
                  testId={`autoscaling.step.upper`}
                  value={shown(st.upper)}
                  placeholder="∞"
                  unit={unit}
                  rule={rule}
                  className="is-inline"
                  onCommit={(upper) => setStep(i, { upper })}
                />
              </td>
              <td>
                <DraftField
                  id={`autoscaling-step-${i}-change`}
                  label={<span className="visually-hidden">Step {i + 1} change</span>}
                  testId={`autoscaling.step.change`}
                  value={st.change > 0 ? `+${st.change}` : String(st.change)}
                  rule={RULES.stepChange}
                  className="is-inline"
                  inputMode="text"
                  onCommit={(v) => setStep(i, { change: v })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Remove step ${i + 1}`}
                  disabled={spec.steps.length <= 1}
                  onClick={() => void change((s) => ({ steps: s.steps.filter((_, k) => k !== i) }))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn btn-small"
        data-testid="autoscaling.addStep"
        onClick={() => void change((s) => ({ steps: addStep(s.steps, s.target) }))}
      >
        Add a step
      </button>
      <p className="scaling-note">
        Scale-out ranges include their lower end, scale-in ranges their upper end, as AWS’s step
        adjustments do. During the cooldown a scale-out counts what the last one added; a scale-in
        waits for it to end.
      </p>
      <div className="scaling-fields">
        <ScalingField
          name="cooldown"
          label="Cooldown"
          value={spec.cooldownMs / 1000}
          rule={RULES.cooldownSeconds}
          unit="s"
          hint="AWS: 300 s"
          onCommit={(s) => change(() => ({ cooldownMs: s * 1000 }))}
        />
        <ScalingField
          name="evaluationPeriods"
          label="Alarm after"
          value={spec.evaluationPeriods}
          rule={RULES.evaluationPeriods}
          unit="syncs"
          whole
          hint="in a row; CloudWatch: 1"
          onCommit={(evaluationPeriods) => change(() => ({ evaluationPeriods }))}
        />
        <label className="scaling-select">
          Change in
          <select
            className="control-select"
            data-testid="autoscaling.adjustmentType"
            value={spec.adjustmentType}
            onChange={(e) =>
              void change(() => ({
                adjustmentType: e.target.value as 'ChangeInCapacity' | 'PercentChangeInCapacity',
              }))
            }
          >
            <option value="ChangeInCapacity">servers</option>
            <option value="PercentChangeInCapacity">percent</option>
          </select>
        </label>
      </div>
    </fieldset>
  );
}
