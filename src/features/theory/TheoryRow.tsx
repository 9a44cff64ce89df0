import { formatMs, formatPercent } from '../../lib/format.ts';
import type { TheoryPrediction } from './theoryOverlay.ts';
import { useApp } from '../../store/hooks.tsx';
import { THEORY_EXAMPLES } from './theoryExamples.ts';
import { SupermarketCurve } from './SupermarketCurve.tsx';

/** What each formula is and what it answers. */
const ABOUT: Record<TheoryPrediction['id'], { title: string; what: string }> = {
  'erlang-b': {
    title: 'Erlang B',
    what: 'Share of requests turned away when no server may queue: the demo’s own semantics.',
  },
  mm1: {
    title: 'M/M/1 per server',
    what: 'Mean response time when random routing makes every server its own M/M/1 queue.',
  },
  supermarket: {
    title: 'Supermarket model',
    what: 'Mean response time with power of d choices, in the limit of many servers.',
  },
  che: {
    title: 'Che approximation',
    what: 'Hit rate of an LRU cache under independent Zipf-distributed keys, once warm.',
  },
};

/** Props of {@link TheoryRow}. */
export interface TheoryRowProps {
  readonly prediction: TheoryPrediction;
  readonly measured: { readonly value: number | null; readonly note: string };
}

/**
 * One formula: its prediction next to the measured value, or the reasons the setup is outside
 * it, with a button that loads a small setup it does cover.
 */
export function TheoryRow({ prediction: p, measured }: TheoryRowProps) {
  const loadScenario = useApp((s) => s.loadScenario);
  const show = (v: number | null) => (p.unit === 'ms' ? formatMs(v) : formatPercent(v, 1));
  const about = ABOUT[p.id];
  return (
    <li className="theory-row" data-testid="theory.row" data-formula={p.id}>
      <h3>{about.title}</h3>
      <p className="theory-what">{about.what}</p>
      {p.predicted !== null ? (
        <>
          <dl className="theory-figures">
            <div>
              <dt>predicted</dt>
              <dd data-testid="theory.predicted">{show(p.predicted)}</dd>
            </div>
            <div>
              <dt>measured</dt>
              <dd data-testid="theory.measured">{show(measured.value)}</dd>
            </div>
          </dl>
          <p className="theory-detail">
            {p.detail}; measured {measured.note}.
          </p>
          {p.curve && <SupermarketCurve {...p.curve} />}
        </>
      ) : (
        <div className="theory-outside" data-testid="theory.outside">
          <p>Outside what this formula covers:</p>
          <ul>
            {p.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn-small"
            data-testid="theory.example"
            data-formula={p.id}
            onClick={() => void loadScenario(THEORY_EXAMPLES[p.id], `The ${about.title} example`)}
          >
            Load a setup it covers
          </button>
        </div>
      )}
    </li>
  );
}
