import { policyWords } from '../../engine/autoscaling/decisionText.ts';
import type { ScalingPolicy } from '../../engine/scenario/types.ts';
import { RULES } from './autoscalingForm.ts';
import { ScalingField } from './ScalingField.tsx';
import type { ScalingSectionProps } from './scalingTypes.ts';

/** The rate policies in words: "the larger of +4 servers and +100% per 15 s". */
function policiesWords(policies: readonly ScalingPolicy[], select: string, up: boolean): string {
  if (select === 'Disabled' || policies.length === 0) return 'disabled';
  // "by at most 100% per 15 s": the direction is in the sentence, not in a sign.
  const each = policies.map((p) => policyWords(p, up).slice(1));
  if (each.length === 1) return `at most ${each[0]}`;
  const pick = select === 'Min' ? 'smaller' : 'larger';
  return `the ${pick} of ${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}`;
}

/** A policy list the fields can edit: Kubernetes' default shape (one Pods, one Percent). */
function defaultShape(up: readonly ScalingPolicy[]): boolean {
  return (
    up.length === 2 &&
    up[0]!.type === 'Pods' &&
    up[1]!.type === 'Percent' &&
    up[0]!.periodMs === up[1]!.periodMs
  );
}

/**
 * The HPA's behavior: the tolerance, the stabilization windows and the rate limits, with
 * Kubernetes' defaults named. The scale-up limit is editable in Kubernetes' default shape (a Pods
 * and a Percent policy over one period); other shapes, from a file, are shown in words.
 */
export function HpaFields({ spec, change }: ScalingSectionProps) {
  const up = spec.scaleUpPolicies;
  const down = spec.scaleDownPolicies;
  const upEditable = defaultShape(up) && spec.scaleUpSelectPolicy === 'Max';
  const downEditable = down.length === 1 && spec.scaleDownSelectPolicy !== 'Disabled';
  return (
    <fieldset className="scaling-group">
      <legend>Behavior (Kubernetes HPA)</legend>
      <div className="scaling-fields">
        <ScalingField
          name="tolerance"
          label="Tolerance"
          value={spec.tolerance * 100}
          rule={RULES.tolerancePercent}
          unit="%"
          hint="no change within it; Kubernetes: 10%"
          onCommit={(v) => change(() => ({ tolerance: v / 100 }))}
        />
        <ScalingField
          name="scaleDownWindow"
          label="Scale-down window"
          value={spec.scaleDownStabilizationMs / 1000}
          rule={RULES.windowSeconds}
          unit="s"
          hint="highest recent recommendation; 300 s"
          onCommit={(s) => change(() => ({ scaleDownStabilizationMs: s * 1000 }))}
        />
        <ScalingField
          name="scaleUpWindow"
          label="Scale-up window"
          value={spec.scaleUpStabilizationMs / 1000}
          rule={RULES.windowSeconds}
          unit="s"
          hint="lowest recent recommendation; 0 s"
          onCommit={(s) => change(() => ({ scaleUpStabilizationMs: s * 1000 }))}
        />
      </div>
      <p className="scaling-note" data-testid="autoscaling.scaleUpLimit">
        Scale up by {policiesWords(up, spec.scaleUpSelectPolicy, true)}; scale down by{' '}
        {policiesWords(down, spec.scaleDownSelectPolicy, false)}.
      </p>
      {(upEditable || downEditable) && (
        <div className="scaling-fields">
          {upEditable && (
            <>
              <ScalingField
                name="scaleUpPods"
                label="Up: servers"
                value={up[0]!.value}
                rule={RULES.policyValue}
                whole
                hint="+4 by default"
                onCommit={(value) =>
                  change((s) => ({
                    scaleUpPolicies: [{ ...s.scaleUpPolicies[0]!, value }, s.scaleUpPolicies[1]!],
                  }))
                }
              />
              <ScalingField
                name="scaleUpPercent"
                label="Up: percent"
                value={up[1]!.value}
                rule={RULES.policyValue}
                unit="%"
                whole
                hint="+100% by default"
                onCommit={(value) =>
                  change((s) => ({
                    scaleUpPolicies: [s.scaleUpPolicies[0]!, { ...s.scaleUpPolicies[1]!, value }],
                  }))
                }
              />
              <ScalingField
                name="scaleUpPeriod"
                label="Up: per"
                value={up[0]!.periodMs / 1000}
                rule={RULES.policySeconds}
                unit="s"
                hint="15 s by default"
                onCommit={(s) =>
                  change((c) => ({
                    scaleUpPolicies: c.scaleUpPolicies.map((p) => ({ ...p, periodMs: s * 1000 })),
                  }))
                }
              />
            </>
          )}
          {downEditable && (
            <ScalingField
              name="scaleDownValue"
              label={down[0]!.type === 'Percent' ? 'Down: percent' : 'Down: servers'}
              value={down[0]!.value}
              rule={RULES.policyValue}
              unit={down[0]!.type === 'Percent' ? '%' : undefined}
              whole
              hint={`per ${down[0]!.periodMs / 1000} s; 100% by default`}
              onCommit={(value) =>
                change((s) => ({ scaleDownPolicies: [{ ...s.scaleDownPolicies[0]!, value }] }))
              }
            />
          )}
        </div>
      )}
    </fieldset>
  );
}
