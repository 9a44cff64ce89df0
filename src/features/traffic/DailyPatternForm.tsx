import { useState, type FormEvent } from 'react';
import type { Rule } from '../../ui/fieldRules.ts';
import { clockRule } from '../../ui/clockRule.ts';
import { ShapeField } from './ShapeField.tsx';
import { SHAPE_RULES } from './trafficForms.ts';

/** A daily pattern as a file writes it. */
export interface DailyPattern {
  readonly from: number;
  readonly to: number;
  readonly troughRatePerSec: number;
  readonly peakRatePerSec: number;
  readonly periodMs: number;
  readonly phaseMs: number;
}

const FIELDS = {
  trough: { label: 'Night', rule: SHAPE_RULES.rate, unit: '/s', text: '2' },
  peak: { label: 'Peak', rule: SHAPE_RULES.rate, unit: '/s', text: '20' },
  peakAt: { label: 'Peak at', rule: clockRule, unit: 'h:mm', text: '14:00' },
  period: { label: 'Every', rule: SHAPE_RULES.periodHours, unit: 'h', text: '24' },
  length: { label: 'For', rule: SHAPE_RULES.hours, unit: 'h', text: '24' },
} satisfies Record<string, { label: string; rule: Rule<number>; unit: string; text: string }>;

type Name = keyof typeof FIELDS;

/** The fields of a daily pattern (a sinusoid between a night rate and a peak) and its Add. */
export function DailyPatternForm({ onAdd }: { readonly onAdd: (p: DailyPattern) => void }) {
  const [text, setText] = useState<Record<Name, string>>(() => {
    const out = {} as Record<Name, string>;
    for (const k of Object.keys(FIELDS) as Name[]) out[k] = FIELDS[k].text;
    return out;
  });
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});

  function submit(e: FormEvent): void {
    e.preventDefault();
    const values = {} as Record<Name, number>;
    const problems: Partial<Record<Name, string>> = {};
    for (const k of Object.keys(FIELDS) as Name[]) {
      const parsed = FIELDS[k].rule(text[k]);
      if (parsed.ok) values[k] = parsed.value;
      else problems[k] = parsed.message;
    }
    if (!problems.peak && !problems.trough && values.peak < values.trough)
      problems.peak = 'peak must be at least the night rate';
    else if (!problems.peak && values.peak === 0) problems.peak = 'peak must be above 0';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    onAdd({
      from: 0,
      to: values.length * 3_600_000,
      troughRatePerSec: values.trough,
      peakRatePerSec: values.peak,
      periodMs: values.period * 3_600_000,
      phaseMs: values.peakAt,
    });
  }

  return (
    <form className="traffic-shape" onSubmit={submit} data-testid="traffic.dailyForm">
      <p className="traffic-label">Daily pattern</p>
      <div className="shape-fields">
        {(Object.keys(FIELDS) as Name[]).map((k) => (
          <ShapeField
            key={k}
            id={`daily-${k}`}
            label={FIELDS[k].label}
            text={text[k]}
            rule={FIELDS[k].rule}
            unit={FIELDS[k].unit}
            error={errors[k] ?? null}
            onText={(t) => setText((s) => ({ ...s, [k]: t }))}
          />
        ))}
      </div>
      <button type="submit" className="btn btn-small" data-testid="traffic.addDaily">
        Add daily pattern
      </button>
    </form>
  );
}
