import { BurstControl } from './BurstControl.tsx';
import { ClosedLoopControl } from './ClosedLoopControl.tsx';
import { KeyFields } from './KeyFields.tsx';
import { RateControl } from './RateControl.tsx';
import { ServiceFields } from './ServiceFields.tsx';
import { TrafficOverTheDay } from './TrafficOverTheDay.tsx';
import '../../ui/Controls.css';
import './TrafficPanel.css';

/**
 * Traffic the person sends by hand (a burst now, a steady Poisson rate or a closed-loop
 * population from now on) and, folded away, the workload: how long requests take and which keys
 * they ask for.
 * Traffic the person sends by hand (a burst now, a steady Poisson rate from now on), the scenario's
 * traffic over the day (daily pattern, spikes, a trace) and, folded away, the workload: how long
 * requests take and which keys they ask for.
 */
export function TrafficPanel() {
  return (
    <section className="panel traffic-panel" aria-labelledby="traffic-title">
      <h2 id="traffic-title">Traffic</h2>
      <BurstControl />
      <RateControl />
      <ClosedLoopControl />
      <TrafficOverTheDay />
      <details className="workload" data-testid="traffic.workload">
        <summary>Workload</summary>
        <ServiceFields />
        <KeyFields />
      </details>
    </section>
  );
}
