import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../engine/scenario/presets.ts';
import { parseScenario } from '../../../engine/scenario/schema.ts';
import type { Scenario } from '../../../engine/scenario/types.ts';
import { kubernetesHpa, quantity } from './kubernetesHpa.ts';

function scenario(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}
const preset = (id: string) => scenario(PRESETS.find((p) => p.id === id)!.raw);

describe('the autoscaler as a Kubernetes HorizontalPodAutoscaler (autoscaling/v2)', () => {
  it('writes the morning peak with Kubernetes’ default behavior', () => {
    const s = kubernetesHpa(preset('morning-peak'));
    expect(s.text.split('\n').slice(2)).toEqual([
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata:',
      '  name: morning-peak',
      'spec:',
      '  scaleTargetRef:',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      '    name: morning-peak',
      '  minReplicas: 2',
      '  maxReplicas: 20',
      '  metrics:',
      '    - type: Resource',
      '      resource:',
      '        name: cpu',
      '        target:',
      '          type: Utilization',
      '          averageUtilization: 50',
      '  behavior:',
      '    scaleUp:',
      '      stabilizationWindowSeconds: 0',
      '      selectPolicy: Max',
      '      policies:',
      '        - type: Pods',
      '          value: 4',
      '          periodSeconds: 15',
      '        - type: Percent',
      '          value: 100',
      '          periodSeconds: 15',
      '    scaleDown:',
      '      stabilizationWindowSeconds: 300',
      '      selectPolicy: Max',
      '      policies:',
      '        - type: Percent',
      '          value: 100',
      '          periodSeconds: 15',
      '',
    ]);
    expect(s).toMatchObject({
      format: 'kubernetes',
      exact: true,
      fileName: 'morning-peak-hpa.yaml',
    });
    expect(s.notes.some((n) => n.includes('resources.requests.cpu'))).toBe(true);
  });

  it('writes a Pods metric as an AverageValue quantity, and a tolerance with its feature gate', () => {
    const s = kubernetesHpa(
      scenario({
        name: 'In flight',
        autoscaling: {
          metric: 'inFlightPerServer',
          target: 2.5,
          tolerance: 0.05,
          syncPeriodMs: 30_000,
        },
      }),
    );
    expect(s.text).toContain('          name: requests_in_flight');
    expect(s.text).toContain('          averageValue: "2500m"');
    expect(s.text).toContain('      tolerance: 0.05');
    expect(s.notes.join(' ')).toContain('HPAConfigurableTolerance');
    expect(s.notes.join(' ')).toContain('--horizontal-pod-autoscaler-sync-period=30s');
  });

  it('says where step and scheduled policies go, and disables a direction without policies', () => {
    const step = kubernetesHpa(
      scenario({ autoscaling: { policy: 'step', steps: [{ lower: 0.8, change: 2 }] } }),
    );
    expect(step.exact).toBe(false);
    expect(step.notes.join(' ')).toContain('StepScaling policy');
    const scheduled = kubernetesHpa(
      scenario({
        autoscaling: {
          policy: 'scheduled',
          schedule: [{ at: 0, servers: 2 }],
          scaleDownPolicies: [],
        },
      }),
    );
    expect(scheduled.exact).toBe(false);
    expect(scheduled.notes.join(' ')).toContain('CronJob');
    expect(scheduled.text).toContain(
      '    scaleDown:\n      stabilizationWindowSeconds: 300\n      selectPolicy: Disabled\n',
    );
  });

  it('has only a note for a setup without autoscaling, and names stay valid', () => {
    const s = kubernetesHpa(preset('classic'));
    expect(s.method).toBe('no autoscaling');
    expect(s.text).toContain('does not autoscale');
    expect(kubernetesHpa(scenario({ name: 'Café "x"\nline', autoscaling: {} })).text).toContain(
      '  name: cafe-x-line',
    );
    expect(quantity(3)).toBe('3');
    expect(quantity(0.25)).toBe('250m');
  });
});
