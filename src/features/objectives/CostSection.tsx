import { useState } from 'react';
import type { CostSpec } from '../../engine/scenario/types.ts';
import { formatCount } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import { DraftField } from '../../ui/DraftField.tsx';
import { dollars, optionalPrice, RULES } from './objectiveRules.ts';

const DEFAULT_COST: CostSpec = { pricePerServerHour: 0.1, pricePerMillionRequests: null };

/** The bill: server-hours (servers running, starting or draining) priced per hour and per request. */
export function CostSection({
  setCost,
}: {
  readonly setCost: (c: CostSpec | null) => Promise<boolean>;
}) {
  const spec = useApp((s) => s.snapshot?.setup.cost ?? null);
  const report = useApp((s) => s.snapshot?.scaling?.cost ?? null);
  const received = useApp((s) => s.snapshot?.summary.requests.total ?? 0);
  const [remembered, setRemembered] = useState<CostSpec>(spec ?? DEFAULT_COST);
  if (spec !== null && spec !== remembered) setRemembered(spec);
  return (
    <fieldset className="objectives-group" data-testid="objectives.cost">
      <legend>Cost</legend>
      <label className="objectives-switch">
        <input
          type="checkbox"
          data-testid="objectives.cost.enabled"
          checked={spec !== null}
          onChange={(e) => void setCost(e.target.checked ? remembered : null)}
        />
        Price the run
      </label>
      {spec !== null && (
        <>
          <dl className="objectives-figures">
            <div>
              <dt>Server-hours</dt>
              <dd data-testid="objectives.serverHours">
                {report ? report.serverHours.toFixed(report.serverHours < 10 ? 3 : 1) : '–'}
              </dd>
            </div>
            <div>
              <dt>Bill</dt>
              <dd data-testid="objectives.dollars">{dollars(report?.dollars ?? null)}</dd>
            </div>
            <div>
              <dt>Per million served</dt>
              <dd data-testid="objectives.perMillion">
                {dollars(report?.dollarsPerMillion ?? null)}
              </dd>
            </div>
          </dl>
          <div className="objectives-fields">
            <DraftField
              id="objectives-price-hour"
              label="Per server-hour"
              testId="objectives.pricePerServerHour"
              value={String(spec.pricePerServerHour)}
              rule={RULES.price}
              unit="$"
              hint="running, starting or draining"
              className="objectives-field"
              onCommit={(pricePerServerHour) => setCost({ ...spec, pricePerServerHour })}
            />
            <DraftField
              id="objectives-price-million"
              label="Per million requests"
              testId="objectives.pricePerMillionRequests"
              value={
                spec.pricePerMillionRequests === null ? '' : String(spec.pricePerMillionRequests)
              }
              placeholder="none"
              rule={optionalPrice}
              unit="$"
              hint={`received: ${formatCount(received)} so far`}
              className="objectives-field"
              onCommit={(pricePerMillionRequests) => setCost({ ...spec, pricePerMillionRequests })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
