import { useEffect } from 'react';
import { useApp } from '../store/hooks.tsx';
import { Toolbar } from './Toolbar.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { PresentationLayout } from './PresentationLayout.tsx';
import { whenSettled } from './settle.ts';
import { NoticeBar } from './NoticeBar.tsx';
import { OtherTabBar } from './OtherTabBar.tsx';
import { CrashBanner } from './CrashBanner.tsx';
import { ServersPanel } from '../features/servers/index.ts';
import { TrafficPanel } from '../features/traffic/index.ts';
import { DefencesPanel } from '../features/defences/index.ts';
import { FlowPanel } from '../features/flow/index.ts';
import { PickInspector } from '../features/inspector/index.ts';
import { LoadPanel } from '../features/load/index.ts';
import { TimelinePanel } from '../features/timeline/index.ts';
import { OutcomesPanel } from '../features/outcomes/index.ts';
import { StrategyPanel } from '../features/strategy/index.ts';
import { SummaryPanel } from '../features/summary/index.ts';
import { LatencyPanel } from '../features/latency/index.ts';
import { CachePanel } from '../features/cache/index.ts';
import { LogPanel } from '../features/log/index.ts';
import { ScenarioDropZone } from '../features/scenario/index.ts';
import { LessonPanel } from '../features/lessons/index.ts';
import { ChallengePanel } from '../features/challenges/index.ts';
import { HashingPanel } from '../features/hashing/index.ts';
import { TheoryPanel } from '../features/theory/index.ts';
import { ComparePanel } from '../features/compare/index.ts';
import { ExercisesPanel } from '../features/custom/index.ts';
import { SweepPanel } from '../features/sweep/index.ts';
import { AutoscalingPanel, ServersOverTimePanel } from '../features/autoscaling/index.ts';
import { CostSloPanel } from '../features/objectives/index.ts';
import { Guide, Shortcuts } from '../features/help/index.ts';

interface AppProps {
  /** The store's startup (share link, then ?preset=, then the autosave, then the classic demo). */
  readonly opened: Promise<void>;
}

/**
 * The playground's one screen: controls on the left, pictures in the middle, explanations right;
 * or, in presentation mode, the flow picture and one chart big. main.tsx reads the page's
 * address once and starts the store with it; App waits for that start.
 */
export function App({ opened }: AppProps) {
  const presenting = useApp((s) => s.view.presenting);
  useEffect(() => {
    // Once every panel has been laid out with its content, panels out of view may skip their
    // work: their sizes are remembered, so scrolling does not move the page (index.css).
    let cancel = () => {};
    let live = true;
    void opened.then(() => {
      if (live) cancel = whenSettled(() => (document.documentElement.dataset.settled = ''));
    });
    return () => {
      live = false;
      cancel();
    };
  }, [opened]);
  useEffect(() => {
    const root = document.documentElement;
    if (presenting === null) delete root.dataset.presenting;
    else root.dataset.presenting = '';
  }, [presenting]);

  return (
    <div className="app">
      <SkipLinks />
      <Toolbar />
      <CrashBanner />
      <NoticeBar />
      <OtherTabBar />
      {presenting === null ? <Playground /> : <PresentationLayout chart={presenting} />}
      <Shortcuts />
      <ScenarioDropZone />
    </div>
  );
}

/** The whole playground, every panel in its column. */
function Playground() {
  return (
    <main className="layout">
      <div className="layout-left">
        <ServersPanel />
        <TrafficPanel />
        <AutoscalingPanel />
        <DefencesPanel />
      </div>
      <div className="layout-center">
        <Guide />
        <FlowPanel />
        <PickInspector />
        <LoadPanel />
        <TimelinePanel />
        <ServersOverTimePanel />
        <OutcomesPanel />
      </div>
      <div className="layout-right">
        <LessonPanel />
        <ChallengePanel />
        <StrategyPanel />
        <SummaryPanel />
        <CostSloPanel />
        <LatencyPanel />
      </div>
      <div className="layout-wide">
        <CachePanel />
        <HashingPanel />
        <TheoryPanel />
        <ExercisesPanel />
        <ComparePanel />
        <SweepPanel />
        <LogPanel />
      </div>
    </main>
  );
}
