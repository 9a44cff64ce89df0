import { useState, type FormEvent } from 'react';
import { clockRule } from '../../ui/clockRule.ts';
import { ShapeField } from './ShapeField.tsx';
import { SHAPE_RULES } from './trafficForms.ts';

/** A spike as a file writes it: every rate times `multiplier` over [from, to). */
export interface Spike {
  readonly from: number;
  readonly to: number;
  readonly multiplier: number;
}

/** The fields of a traffic spike (a rate multiplier for a while) and its Add. */
export function SpikeForm({ onAdd }: { readonly onAdd: (s: Spike) => void }) {
  const [times, setTimes] = useState('5');
  const [at, setAt] = useState('0:05');
  const [seconds, setSeconds] = useState('300');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(e: FormEvent): void {
    e.preventDefault();
    const m = SHAPE_RULES.multiplier(times);
    const a = clockRule(at);
    const d = SHAPE_RULES.seconds(seconds);
    const problems: Record<string, string> = {};
    if (!m.ok) problems.times = m.message;
    if (!a.ok) problems.at = a.message;
    if (!d.ok) problems.seconds = d.message;
    setErrors(problems);
    if (!m.ok || !a.ok || !d.ok) return;
    onAdd({ from: a.value, to: a.value + d.value * 1000, multiplier: m.value });
  }

  return (
    <form className="traffic-shape" onSubmit={submit} data-testid="traffic.spikeForm">
      <p className="traffic-label">Spike</p>
      <div className="shape-fields">
        <ShapeField
          id="spike-times"
          label="Times"
          text={times}
          rule={SHAPE_RULES.multiplier}
          unit="×"
          error={errors.times ?? null}
          onText={setTimes}
        />
        <ShapeField
          id="spike-at"
          label="At"
          text={at}
          rule={clockRule}
          unit="h:mm"
          error={errors.at ?? null}
          onText={setAt}
        />
        <ShapeField
          id="spike-seconds"
          label="For"
          text={seconds}
          rule={SHAPE_RULES.seconds}
          unit="s"
          error={errors.seconds ?? null}
          onText={setSeconds}
        />
      </div>
      <button type="submit" className="btn btn-small" data-testid="traffic.addSpike">
        Add spike
      </button>
    </form>
  );
}
