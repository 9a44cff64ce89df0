import { serializeScenario } from '../../engine/scenario/serialize.ts';
import type { Scenario } from '../../engine/scenario/types.ts';
import { useApp } from '../../store/hooks.tsx';
import { DailyPatternForm } from './DailyPatternForm.tsx';
import { SpikeForm } from './SpikeForm.tsx';
import { TraceImport } from './TraceImport.tsx';
import { trafficWords } from './trafficWords.ts';

type RawTraffic = NonNullable<ReturnType<typeof serializeScenario>['traffic']>;

/**
 * The scenario's own traffic, listed in words, and traffic that changes over the day to add to
 * it: a daily pattern, a spike, a recorded trace from a CSV file. The traffic is the run's
 * schedule, so changing it starts the run over (as a new seed does).
 */
export function TrafficOverTheDay() {
  const setup = useApp((s) => s.snapshot?.setup ?? null);
  const command = useApp((s) => s.command);
  if (!setup) return null;
  const traffic = setup.traffic;
  const changing = traffic.some(
    (t) => t.kind === 'diurnal' || t.kind === 'spike' || t.kind === 'trace',
  );

  const raw = (s: Scenario): RawTraffic => serializeScenario(s).traffic ?? [];
  const replace = (next: RawTraffic) => void command({ type: 'setTraffic', traffic: next });
  const add = (entry: RawTraffic[number]) => replace([...raw(setup), entry]);

  return (
    <details className="workload" data-testid="traffic.overTheDay" open={changing || undefined}>
      <summary>Traffic over the day</summary>
      <p className="traffic-note">
        The scenario’s own traffic{traffic.length === 0 ? ' is empty.' : ':'}
      </p>
      <ul className="traffic-segments" data-testid="traffic.segments">
        {traffic.map((t, i) => (
          <li key={i} data-kind={t.kind}>
            <span>{trafficWords(t)}</span>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Remove: ${trafficWords(t)}`}
              onClick={() => replace(raw(setup).filter((_, k) => k !== i))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <DailyPatternForm onAdd={(p) => add(p)} />
      <SpikeForm onAdd={(s) => add(s)} />
      <TraceImport onTrace={(points) => add({ trace: points })} />
      <p className="traffic-note">
        Adding or removing traffic here starts the run over: the traffic is its schedule. Spikes
        multiply every rate-based entry (not bursts) while they last.
      </p>
    </details>
  );
}
