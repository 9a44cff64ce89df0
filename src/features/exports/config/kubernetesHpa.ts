/**
 * The setup's autoscaler as a Kubernetes HorizontalPodAutoscaler (autoscaling/v2), scaling a
 * Deployment named after the scenario. The field names map one to one: minServers → minReplicas,
 * maxServers → maxReplicas, utilization → a Resource metric (CPU averageUtilization in percent),
 * in-flight and requests per second → Pods metrics (AverageValue, served by a custom-metrics
 * adapter), the scale-up and scale-down policies and windows → `behavior`. Where the simulation
 * has what an HPA object cannot hold (the controller's sync period, a cold start, AWS step
 * scaling, a schedule), the notes say where it goes instead.
 */
import type { AutoscalingSpec, ScalingPolicy } from '../../../engine/scenario/types.ts';
import { commentText, hostLabel, yamlString } from './names.ts';
import type { ConfigSnippet, ExportSetup } from './types.ts';

/** A Kubernetes quantity: whole numbers as they are, fractions in milli-units ("2500m"). */
export function quantity(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return `${Math.round(v * 1000)}m`;
}

/** Whole seconds (the API's unit); the simulation's milliseconds are rounded up. */
const seconds = (ms: number) => Math.ceil(ms / 1000);

function policiesYaml(policies: readonly ScalingPolicy[], indent: string): string[] {
  return policies.flatMap((p) => [
    `${indent}- type: ${p.type}`,
    `${indent}  value: ${p.value}`,
    `${indent}  periodSeconds: ${seconds(p.periodMs)}`,
  ]);
}

function metricYaml(a: AutoscalingSpec): string[] {
  if (a.metric === 'utilization')
    return [
      '    - type: Resource',
      '      resource:',
      '        name: cpu',
      '        target:',
      '          type: Utilization',
      `          averageUtilization: ${Math.round(a.target * 100)}`,
    ];
  const name = a.metric === 'inFlightPerServer' ? 'requests_in_flight' : 'http_requests_per_second';
  return [
    '    - type: Pods',
    '      pods:',
    '        metric:',
    `          name: ${name}`,
    '        target:',
    '          type: AverageValue',
    `          averageValue: ${yamlString(quantity(a.target))}`,
  ];
}

/** The notes: what does not fit in the object, and where it goes instead. */
function notes(a: AutoscalingSpec, deployment: string): string[] {
  const out = [
    `The HPA scales a Deployment named \`${deployment}\` (a placeholder): its Pods stand for the simulated servers, and the Deployment's \`replicas\` is what the HPA sets.`,
  ];
  if (a.metric === 'utilization')
    out.push(
      'Utilization here is busy slot-time over capacity; on Kubernetes it is CPU used over the CPU each Pod requests, so a Pod must request CPU (`resources.requests.cpu`) for the HPA to work. Kubernetes truncates utilization to whole percents, as the simulation does.',
    );
  else
    out.push(
      `The metric is a Pods metric: a metrics adapter (the Prometheus adapter, for one) must serve \`${a.metric === 'inFlightPerServer' ? 'requests_in_flight' : 'http_requests_per_second'}\` per Pod through the custom metrics API.`,
    );
  if (a.syncPeriodMs !== 15_000)
    out.push(
      `The sync period (${a.syncPeriodMs / 1000} s) is the controller's, for every HPA of the cluster: \`--horizontal-pod-autoscaler-sync-period=${seconds(a.syncPeriodMs)}s\` on kube-controller-manager.`,
    );
  if (a.tolerance !== 0.1)
    out.push(
      `A tolerance of ${Math.round(a.tolerance * 100)}% per HPA (\`behavior.scaleUp.tolerance\` and \`scaleDown.tolerance\`) needs the HPAConfigurableTolerance feature gate (alpha in Kubernetes 1.33, beta in 1.35); without it the controller's \`--horizontal-pod-autoscaler-tolerance\` (0.1) applies.`,
    );
  out.push(
    `The ${a.provisioningMs / 1000} s cold start is not a setting: on a cluster it is how long a new Pod takes to be scheduled, pull its image and pass its readiness probe. Until then the HPA counts it as not ready, at 0 on a scale-up, as here.`,
  );
  if (a.policy === 'step')
    out.push(
      'The setup uses AWS-style step scaling, which an HPA cannot express: the HPA above targets the same metric, for the same bounds. On AWS the steps are an Application Auto Scaling StepScaling policy with its CloudWatch alarm.',
    );
  if (a.policy === 'scheduled')
    out.push(
      "The setup scales on a schedule, which an HPA cannot express: a CronJob that patches the Deployment's replicas (or KEDA's cron scaler) does it; the HPA above only keeps the same bounds.",
    );
  return out;
}

/** The setup's autoscaler as an HPA manifest, or a note when the setup does not autoscale. */
export function kubernetesHpa(setup: ExportSetup): ConfigSnippet {
  const name = hostLabel(setup.name, 'app');
  const base = {
    format: 'kubernetes' as const,
    product: 'Kubernetes',
    methodLabel: 'Autoscaler',
    fileName: `${name}-hpa.yaml`,
    mimeType: 'application/yaml',
    defenceNotes: [],
  };
  const a = setup.autoscaling;
  if (!a)
    return {
      ...base,
      method: 'no autoscaling',
      exact: false,
      text:
        `# The Balancer Playground setup “${commentText(setup.name, 60)}” does not autoscale:\n` +
        '# switch autoscaling on (Autoscaling panel) to export a HorizontalPodAutoscaler.\n',
      notes: [
        'Without autoscaling the pool has a fixed size: on Kubernetes that is a Deployment with a fixed `replicas` and no HPA.',
      ],
    };
  const lines = [
    `# Kubernetes HorizontalPodAutoscaler for the Balancer Playground setup “${commentText(setup.name, 60)}”:`,
    `# ${a.minServers} to ${a.maxServers} replicas of the Deployment "${name}". Defaults are Kubernetes' own.`,
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    '    kind: Deployment',
    `    name: ${name}`,
    `  minReplicas: ${a.minServers}`,
    `  maxReplicas: ${a.maxServers}`,
    '  metrics:',
    ...metricYaml(a),
    '  behavior:',
    '    scaleUp:',
    `      stabilizationWindowSeconds: ${seconds(a.scaleUpStabilizationMs)}`,
    // No policy at all scales nothing here; Kubernetes would fill in its defaults instead.
    `      selectPolicy: ${a.scaleUpPolicies.length > 0 ? a.scaleUpSelectPolicy : 'Disabled'}`,
    ...(a.tolerance !== 0.1 ? [`      tolerance: ${a.tolerance}`] : []),
    ...(a.scaleUpPolicies.length > 0
      ? ['      policies:', ...policiesYaml(a.scaleUpPolicies, '        ')]
      : []),
    '    scaleDown:',
    `      stabilizationWindowSeconds: ${seconds(a.scaleDownStabilizationMs)}`,
    `      selectPolicy: ${a.scaleDownPolicies.length > 0 ? a.scaleDownSelectPolicy : 'Disabled'}`,
    ...(a.tolerance !== 0.1 ? [`      tolerance: ${a.tolerance}`] : []),
    ...(a.scaleDownPolicies.length > 0
      ? ['      policies:', ...policiesYaml(a.scaleDownPolicies, '        ')]
      : []),
  ];
  return {
    ...base,
    method: `HorizontalPodAutoscaler on ${a.metric === 'utilization' ? 'CPU utilization' : 'a Pods metric'}`,
    exact: a.policy === 'hpa',
    text: `${lines.join('\n')}\n`,
    notes: notes(a, name),
  };
}
