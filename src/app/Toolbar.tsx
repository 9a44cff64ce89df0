import { AboutLink } from './AboutLink.tsx';
import { PresentToggle } from './PresentToggle.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { HelpButton } from '../features/help/index.ts';
import { RunControls, SimClock } from '../features/controls/index.ts';
import { PresetPicker, ScenarioMenu, SeedControl } from '../features/scenario/index.ts';
import '../ui/Controls.css';
import './Toolbar.css';

/**
 * The page header: the title, which scenario is loaded (preset and seed), the run's controls and
 * the simulated clock, the scenario menu, and the view (guide, theme, presentation, about). The clock lives in its own component so only it re-renders every frame.
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
      <div className="toolbar-view" role="group" aria-label="View and help">
        <HelpButton />
        <ThemeToggle />
        <PresentToggle />
        <AboutLink />
      </div>
    </header>
  );
}
