import { AboutLink } from './AboutLink.tsx';
import { PresetPicker } from '../features/scenario/PresetPicker.tsx';
import { RunControls } from '../features/controls/RunControls.tsx';
import { ScenarioMenu } from '../features/scenario/ScenarioMenu.tsx';
import { SeedControl } from '../features/scenario/SeedControl.tsx';
import { SimClock } from '../features/controls/SimClock.tsx';
import '../ui/Controls.css';
import './Toolbar.css';

/**
 * The page header: the title, which scenario is loaded (preset and seed), the run's controls and
 * the simulated clock. The clock lives in its own component so only it re-renders every frame.
 */
export function Toolbar() {
  return (
    <header className="toolbar">
      <h1 className="toolbar-title">Balancer Playground</h1>
      <div className="toolbar-scenario" role="group" aria-label="Scenario">
        <PresetPicker />
        <SeedControl />
      </div>
      <RunControls />
      <SimClock />
      <ScenarioMenu />
      <AboutLink />
    </header>
  );
}
