import { useEffect, useRef, useState } from 'react';
import { formatRate } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { positionOf, RATE_STEPS, rateAt } from './rateScale.ts';
import { TextField } from '../../ui/TextField.tsx';
import { LIVE_LIMITS } from '../../engine/scenario/limits.ts';

const rateRule = ruleFor('rate', LIVE_LIMITS.ratePerSec);
/** How long the slider or the typing must rest before the rate is sent. */
const DEBOUNCE_MS = 250;

/**
 * Steady Poisson traffic on top of the scenario's own: a log-scale slider and a number field
 * (0 turns it off). Both send after a short pause; Enter or leaving the field sends at once.
 */
export function RateControl() {
  const rate = useApp((s) => s.snapshot?.steadyRate ?? 0);
  const ready = useApp((s) => s.snapshot !== null);
  const command = useApp((s) => s.command);
  // The rate chosen here that the snapshot does not show yet, and the field's typed text.
  const [pending, setPending] = useState<number | null>(null);
  const [scheduled, setScheduled] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [seenRate, setSeenRate] = useState(rate);
  if (seenRate !== rate) {
    setSeenRate(rate);
    if (!scheduled) setPending(null);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const shown = pending ?? rate;

  function send(value: number): void {
    clearTimeout(timer.current);
    setScheduled(false);
    if (value !== rate) void command({ type: 'setRate', ratePerSec: value });
  }

  function schedule(value: number): void {
    setPending(value);
    setScheduled(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send(value), DEBOUNCE_MS);
  }

  /** Checks the typed text; sends it at once (`now`) or after the pause. */
  function fromText(text: string, now: boolean): void {
    const parsed = rateRule(text);
    if (!parsed.ok) {
      clearTimeout(timer.current);
      setScheduled(false);
      if (now) setError(parsed.message);
      else if (error) setError(parsed.message);
      return;
    }
    setError(null);
    if (now) {
      setPending(parsed.value);
      setDraft(null);
      send(parsed.value);
    } else schedule(parsed.value);
  }

  return (
    <div className="traffic-rate" role="group" aria-labelledby="traffic-rate-label">
      <span id="traffic-rate-label" className="traffic-label">
        Steady rate
      </span>
      <div className="traffic-row">
        <input
          type="range"
          className="traffic-slider"
          min={0}
          max={RATE_STEPS}
          step={1}
          value={positionOf(shown)}
          disabled={!ready}
          aria-label="Steady rate (requests per simulated second)"
          aria-valuetext={
            shown === 0 ? 'off' : `${+shown.toPrecision(6)} requests per simulated second`
          }
          data-testid="traffic.rateSlider"
          onChange={(e) => {
            setDraft(null);
            setError(null);
            schedule(rateAt(Number(e.target.value)));
          }}
        />
        <TextField
          id="traffic-rate"
          label={<span className="visually-hidden">Steady rate</span>}
          testId="traffic.rate"
          value={draft ?? String(shown)}
          unit="/s"
          error={error}
          className="is-inline"
          disabled={!ready}
          onChange={(text) => {
            setDraft(text);
            fromText(text, false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft !== null) fromText(draft, true);
          }}
          onBlur={() => {
            if (draft !== null) fromText(draft, true);
          }}
        />
      </div>
      <p className="traffic-note">
        Steady: Poisson arrivals at this average rate per simulated second, on top of the scenario’s
        own traffic.{' '}
        <span data-testid="traffic.currentRate">Now: {rate === 0 ? 'off' : formatRate(rate)}</span>
      </p>
    </div>
  );
}
