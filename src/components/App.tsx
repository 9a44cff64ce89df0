import { useEffect } from 'react';
import { usePlayground } from '../store/playgroundStore.ts';
import { readUrlFlags } from '../lib/urlFlags.ts';
import { Toolbar } from './Toolbar.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { CrashBanner } from './CrashBanner.tsx';
import { ServersPanel } from './ServersPanel.tsx';
import { TrafficPanel } from './TrafficPanel.tsx';
import { FlowPanel } from './FlowPanel.tsx';
import { LoadPanel } from './LoadPanel.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';
import { StrategyPanel } from './StrategyPanel.tsx';
import { LatencyPanel } from './LatencyPanel.tsx';
import { SummaryPanel } from './SummaryPanel.tsx';
import { CachePanel } from './CachePanel.tsx';
import { LogPanel } from './LogPanel.tsx';
import { ScenarioDropZone } from './ScenarioDropZone.tsx';
import {
  ChallengePanel,
  ComparePanel,
  HashingPanel,
  LessonPanel,
  TheoryPanel,
} from './deferredPanels.tsx';
import { DefencesPanel } from './DefencesPanel.tsx';
import { OutcomesPanel } from './OutcomesPanel.tsx';
import { PickInspector } from './PickInspector.tsx';

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
