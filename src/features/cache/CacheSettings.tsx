import { useApp, useShallow } from '../../store/hooks.tsx';
import type { CachePlacement, CacheSpec } from '../../engine/scenario/types.ts';
import { DraftField } from '../../ui/DraftField.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { usePending } from '../../ui/usePending.ts';
import { LIMITS } from '../../engine/scenario/limits.ts';

const PLACEMENTS: ReadonlyArray<{ value: CachePlacement; label: string; hint: string }> = [
  {
    value: 'shared',
    label: 'Shared',
    hint: 'One cache for every server, as in the original demo.',
  },
  {
    value: 'per-server',
    label: 'Per server',
    hint: 'Each server has its own cache, so where a key is routed decides whether it hits.',
  },
  { value: 'off', label: 'Off', hint: 'No cache: every request pays the full computation.' },
];

const capacityRule = ruleFor('capacity', LIMITS.cache.capacity);
const hitMsRule = ruleFor('hit time', LIMITS.cache.hitMs);

/** Where the cache sits, how big it is and how fast a hit is; each change starts empty caches. */
export function CacheSettings() {
  const spec = useApp(
    useShallow((s): CacheSpec | null => {
      const c = s.snapshot?.cache.spec;
      return c ? { placement: c.placement, capacity: c.capacity, hitMs: c.hitMs } : null;
    }),
  );
  const command = useApp((s) => s.command);
  const placement = usePending(spec?.placement ?? null);
  if (!spec) return null;

  const change = (patch: Partial<CacheSpec>) =>
    command({ type: 'setCache', cache: { ...spec, ...patch } });

  return (
    <div className="cache-settings">
      <fieldset className="cache-placement" data-testid="cache.placement">
        <legend>Placement</legend>
        {PLACEMENTS.map((p) => (
          <label key={p.value} className="cache-choice">
            <input
              type="radio"
              name="cache-placement"
              value={p.value}
              checked={placement.shown === p.value}
              onChange={() => placement.track(p.value, change({ placement: p.value }))}
            />
            <span>
              <strong>{p.label}</strong> <span className="cache-muted">{p.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="cache-inputs">
        <DraftField
          id="cache-capacity"
          label={
            placement.shown === 'per-server'
              ? 'Capacity (entries per server)'
              : 'Capacity (entries)'
          }
          testId="cache.capacity"
          value={String(spec.capacity)}
          rule={capacityRule}
          inputMode="numeric"
          onCommit={(capacity) => change({ capacity })}
        />
        <DraftField
          id="cache-hit-ms"
          label="Hit time"
          unit="ms"
          testId="cache.hitMs"
          value={String(spec.hitMs)}
          rule={hitMsRule}
          onCommit={(hitMs) => change({ hitMs })}
        />
      </div>
      {placement.shown !== 'off' && (
        <p className="cache-muted cache-note">
          A change starts with empty caches; the counts carry on.
        </p>
      )}
    </div>
  );
}
