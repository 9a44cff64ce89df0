import type { AutoscalingSpec } from '../../engine/scenario/types.ts';

/**
 * Applies a change to the autoscaler's settings: `edit` gets the newest settings (including a
 * change sent a moment ago that no snapshot shows yet) and returns the fields to replace.
 * Resolves to whether the simulation accepted it.
 */
export type ChangeScaling = (
  edit: (current: AutoscalingSpec) => Partial<AutoscalingSpec>,
) => Promise<boolean>;

/** Props every settings section gets. */
export interface ScalingSectionProps {
  readonly spec: AutoscalingSpec;
  readonly change: ChangeScaling;
}
