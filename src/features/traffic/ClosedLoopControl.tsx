import { useState, type FormEvent } from 'react';
import { OVERLOAD_LIMITS } from '../../engine/scenario/overloadLimits.ts';
import { formatCount, formatMs } from '../../lib/format.ts';
import { useApp } from '../../store/hooks.tsx';
import { ruleFor } from '../../ui/fieldRules.ts';
import { TextField } from '../../ui/TextField.tsx';

const clientsRule = ruleFor('clients', OVERLOAD_LIMITS.closedLoop.clients);
const thinkRule = ruleFor('think time', OVERLOAD_LIMITS.closedLoop.thinkMs);

/** "1 client", "20 clients". */
const clientsText = (n: number) => `${formatCount(n)} ${n === 1 ? 'client' : 'clients'}`;

/**
 * A closed-loop population: N clients that each send a request, wait for its outcome, think for
 * a random time (exponential, mean Z) and send the next. Unlike the steady rate, it slows down
 * when the servers do, which is what keeps a closed loop out of a metastable collapse.
 */
export function ClosedLoopControl() {
  const population = useApp((s) => s.snapshot?.population ?? null);
  const waiting = useApp((s) => s.snapshot?.overload?.clientsWaiting ?? 0);
  const ready = useApp((s) => s.snapshot !== null);
  const command = useApp((s) => s.command);
  const [clients, setClients] = useState('50');
  const [think, setThink] = useState('1000');
  const [error, setError] = useState<{ field: 'clients' | 'think'; message: string } | null>(null);
  const running = population !== null && population.clients > 0;

  function onSubmit(e: FormEvent): void {
    e.preventDefault();
    const n = clientsRule(clients);
    if (!n.ok) return setError({ field: 'clients', message: n.message });
    const z = thinkRule(think);
    if (!z.ok) return setError({ field: 'think', message: z.message });
    setError(null);
    void command({ type: 'setPopulation', clients: n.value, thinkMs: z.value });
  }

  return (
    <form className="traffic-closed" onSubmit={onSubmit} data-testid="traffic.closedLoop">
      <span className="traffic-label">Closed-loop clients</span>
      <div className="traffic-row">
        <TextField
          id="traffic-clients"
          label="Clients"
          testId="traffic.clients"
          value={clients}
          inputMode="numeric"
          error={error?.field === 'clients' ? error.message : null}
          className="is-inline"
          onChange={setClients}
        />
        <TextField
          id="traffic-think"
          label="Think"
          testId="traffic.thinkMs"
          value={think}
          unit="ms"
          inputMode="decimal"
          error={error?.field === 'think' ? error.message : null}
          className="is-inline"
          onChange={setThink}
        />
      </div>
      <div className="traffic-row">
        <button
          type="submit"
          className="btn btn-small"
          data-testid="traffic.clientsStart"
          disabled={!ready}
        >
          {running ? 'Change' : 'Start'}
        </button>
        {running && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="traffic.clientsStop"
            onClick={() => void command({ type: 'setPopulation', clients: 0, thinkMs: 1000 })}
          >
            Stop
          </button>
        )}
      </div>
      <p className="traffic-note" data-testid="traffic.population">
        {running
          ? `Now: ${clientsText(population.clients)} thinking ${formatMs(population.thinkMs)} on ` +
            `average; ${formatCount(waiting)} waiting for an answer.`
          : 'Each client sends, waits for the outcome, thinks (exponential), then sends again.'}
      </p>
    </form>
  );
}
