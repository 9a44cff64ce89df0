import { useEffect } from 'react';
import { usePlayground } from '../store/playgroundStore.ts';
import { readUrlFlags } from '../lib/urlFlags.ts';
import { Toolbar } from './Toolbar.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { CrashBanner } from './CrashBanner.tsx';
import { ServersPanel } from '../features/servers/ServersPanel.tsx';
import { TrafficPanel } from '../features/traffic/TrafficPanel.tsx';
import { FlowPanel } from '../features/flow/FlowPanel.tsx';
import { LoadPanel } from '../features/load/LoadPanel.tsx';
import { TimelinePanel } from '../features/timeline/TimelinePanel.tsx';
import { StrategyPanel } from '../features/strategy/StrategyPanel.tsx';
import { LatencyPanel } from '../features/latency/LatencyPanel.tsx';
import { SummaryPanel } from '../features/summary/SummaryPanel.tsx';
import { CachePanel } from '../features/cache/CachePanel.tsx';
import { LogPanel } from '../features/log/LogPanel.tsx';
import { ScenarioDropZone } from '../features/scenario/ScenarioDropZone.tsx';
import {
  ChallengePanel,
  ComparePanel,
  HashingPanel,
  LessonPanel,
  TheoryPanel,
} from '../ui/deferredPanels.tsx';
import { DefencesPanel } from '../features/defences/DefencesPanel.tsx';
import { OutcomesPanel } from '../features/outcomes/OutcomesPanel.tsx';
import { PickInspector } from '../features/inspector/PickInspector.tsx';

/** The playground's one screen: controls on the left, pictures in the middle, explanations right. */
export function App() {
  const startup = usePlayground((s) => s.startup);
  useEffect(() => {
    const flags = readUrlFlags(window.location.search);
    if (!flags.motion) document.documentElement.dataset.motion = 'off';
    // Share link in the hash, then ?preset=, then the autosave, then the classic demo.
    void startup({ hash: window.location.hash, preset: flags.preset });
  }, [startup]);

  return (
    <div className="app">
      <Toolbar />
      <CrashBanner />
      <NoticeBar />
      <main className="layout">
        <div className="layout-left">
          <ServersPanel />
          <TrafficPanel />
          <DefencesPanel />
        </div>
        <div className="layout-center">
          <FlowPanel />
          <PickInspector />
          <LoadPanel />
          <TimelinePanel />
          <OutcomesPanel />
        </div>
        <div className="layout-right">
          <LessonPanel />
          <ChallengePanel />
          <StrategyPanel />
          <SummaryPanel />
          <LatencyPanel />
        </div>
        <div className="layout-wide">
          <CachePanel />
          <HashingPanel />
          <TheoryPanel />
          <ComparePanel />
          <LogPanel />
        </div>
      </main>
      <ScenarioDropZone />
    </div>
  );
}
