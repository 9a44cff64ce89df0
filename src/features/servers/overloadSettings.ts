import type { ContentionSpec, SheddingSpec } from '../../engine/overload/specs.ts';

/** The names of the overload settings that are on, as the folded section's summary lists them. */
export function overloadSettingsOn(contention: ContentionSpec, shedding: SheddingSpec): string[] {
  const on: string[] = [];
  if (contention.model !== 'off')
    on.push(contention.model === 'usl' ? 'USL contention' : 'linear contention');
  if (shedding.maxQueue !== null) on.push('queue length limit');
  if (shedding.maxQueueMs !== null) on.push('queue time limit');
  if (shedding.codel) on.push('CoDel');
  if (shedding.adaptiveLifo) on.push('adaptive LIFO');
  return on;
}
