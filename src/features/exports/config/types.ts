/** What the config exporters read from a setup, and what they give back. */
import type { ContentionSpec, SheddingSpec } from '../../../engine/overload/specs.ts';
import type { AutoscalingSpec } from '../../../engine/scenario/types.ts';
import type { ExportResilience } from './defences.ts';

/** The balancers a setup can be exported for. */
export type ConfigFormat = 'nginx' | 'haproxy' | 'envoy' | 'kubernetes';

/** One server as the exporters see it (a scenario's ServerSpec fits). */
export interface ExportServer {
  readonly name: string;
  /** Max concurrent requests in service. */
  readonly capacity: number;
  readonly weight: number;
  /** Requests that may wait when every slot is busy; 0 = refuse at once; null = unbounded. */
  readonly queueLimit: number | null;
  readonly up: boolean;
}

/**
 * The part of a setup a balancer config can express (a `Scenario` fits). `strategy` is a plain
 * string so that a strategy added after this module was written is exported as "no equivalent"
 * instead of failing.
 */
export interface ExportSetup {
  readonly name: string;
  readonly strategy: string;
  readonly strategyOptions: {
    readonly choices?: number;
    readonly virtualNodes?: number;
    readonly decayMs?: number;
  };
  readonly servers: readonly ExportServer[];
  /** The defences; each part that is present is exported (a scenario's `resilience` fits). */
  readonly resilience?: ExportResilience;
  /** Overload control at the servers (a scenario's fit; absent: off). */
  readonly shedding?: SheddingSpec;
  readonly contention?: ContentionSpec;
  /** The traffic, for its kinds only (closed-loop clients get a note). */
  readonly traffic?: ReadonlyArray<{ readonly kind: string }>;
  /** The autoscaler, exported as a Kubernetes HorizontalPodAutoscaler (kubernetesHpa.ts). */
  readonly autoscaling?: AutoscalingSpec;
}

/** A config snippet for one balancer, with what it cannot say. */
export interface ConfigSnippet {
  readonly format: ConfigFormat;
  /** The product's name, e.g. "NGINX". */
  readonly product: string;
  /** The directive or policy chosen for the strategy, e.g. `least_conn`. */
  readonly method: string;
  /** What `method` names, when not the strategy: "Autoscaler". */
  readonly methodLabel?: string;
  /** The product does exactly what the simulated strategy does (limits aside). */
  readonly exact: boolean;
  readonly text: string;
  /** Plain sentences: where the config differs from the simulation, and what is a placeholder. */
  readonly notes: readonly string[];
  /** The same about the defences (health checks, timeouts, retries…); empty without them. */
  readonly defenceNotes: readonly string[];
  readonly fileName: string;
  readonly mimeType: string;
}
