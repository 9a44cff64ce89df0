import { useApp, useShallow } from '../store/hooks.tsx';
import './CrashBanner.css';

/**
 * Says when the simulation died (the worker crashed, or the engine threw mid-run) and offers a
 * restart that keeps the setup; while the first run is loading, a quiet "starting" line instead.
 */
export function CrashBanner() {
  const { status, crash, fault, byStrategy, loaded } = useApp(
    useShallow((s) => ({
      status: s.status,
      crash: s.crash,
      fault: s.snapshot?.fault ?? null,
      byStrategy: (s.snapshot?.strategyFault ?? null) !== null,
      loaded: s.snapshot !== null,
    })),
  );
  const restart = useApp((s) => s.restart);

  if (status === 'starting' && !loaded) {
    return (
      <p className="starting" role="status">
        Starting the simulation…
      </p>
    );
  }
  const problem = status === 'crashed' ? (crash ?? 'The simulation stopped unexpectedly.') : fault;
  if (problem === null) return null;

  return (
    <div className="crash" role="alert" data-testid="crash.banner">
      <div className="crash-text">
        <p className="crash-title">
          <span aria-hidden="true">✖ </span>
          {status === 'crashed'
            ? 'The simulation crashed.'
            : byStrategy
              ? 'Your strategy failed, so the run stopped at that request.'
              : 'The simulation stopped with an error.'}
        </p>
        <p className="crash-detail">{problem}</p>
        <p className="crash-detail">
          Your setup (servers, strategy{byStrategy ? ' and its code' : ''}, cache, traffic) is kept:
          restarting runs it again from time 0.
        </p>
      </div>
      <button
        type="button"
        className="crash-restart"
        data-testid="crash.restart"
        onClick={() => void restart()}
      >
        Restart simulation
      </button>
    </div>
  );
}
