/**
 * Recording files, version 1: checking raw JSON before a replay. The setup is checked with the
 * scenario schema and each command's fields with the same rules a live command meets, so a bad
 * file is refused up front with every problem named by its path (`actions[3].command.count`).
 * What depends on the run itself (does slot 4 exist then?) is checked again as each action is
 * applied, exactly as when the person sent it. Never throws.
 */
import { parseScenario, type ScenarioProblem } from '../engine/scenario/schema.ts';
import type { Scenario } from '../engine/scenario/types.ts';
import { checkCommand, complete, isRecord, problem } from './commandChecks.ts';
import type { Recording, RecordingCheck, RecordedAction, RunPoint } from './protocol.ts';

/** A recording keeps at most this many actions; a burst of 100,000 requests is one. */
export const MAX_ACTIONS = 10_000;

export type RecordingParse =
  | { readonly ok: true; readonly recording: Recording; readonly scenario: Scenario }
  | { readonly ok: false; readonly message: string };

function checkPoint(raw: unknown, path: string, after: RunPoint | null): ScenarioProblem[] {
  if (!isRecord(raw)) return problem(path, 'must be an object {at, afterEvents}');
  const out: ScenarioProblem[] = [];
  const { at, afterEvents } = raw;
  if (!(typeof at === 'number' && Number.isFinite(at) && at >= 0))
    out.push({ path: `${path}.at`, message: 'must be a simulated time in ms (a number >= 0)' });
  if (!(Number.isSafeInteger(afterEvents) && (afterEvents as number) >= 0))
    out.push({
      path: `${path}.afterEvents`,
      message: 'must be a count of events (an integer >= 0)',
    });
  if (
    out.length === 0 &&
    after &&
    ((at as number) < after.at || (afterEvents as number) < after.afterEvents)
  )
    out.push({ path, message: 'must not come before the action listed above it' });
  return out;
}

const FIELDS = ['version', 'scenario', 'seed', 'actions', 'end', 'truncated'];

/** A recorded command: checked as a live one, but a new seed or traffic is never one of them. */
function checkRecorded(raw: unknown, path: string): ScenarioProblem[] {
  if (isRecord(raw) && (raw.type === 'setSeed' || raw.type === 'setTraffic'))
    return problem(
      `${path}.type`,
      `a new ${raw.type === 'setSeed' ? 'seed' : 'traffic'} starts a new recording, so "${raw.type}" is never one of its actions`,
    );
  return checkCommand(raw, path);
}

/** Checks raw JSON as a recording; on success the setup is parsed too (every default filled). */
export function parseRecording(raw: unknown): RecordingParse {
  try {
    return parse(raw);
  } catch (e) {
    // Not expected for any input; a last guard so the worker never throws at the page.
    return { ok: false, message: `the recording could not be read (${String(e)})` };
  }
}

function parse(raw: unknown): RecordingParse {
  const fail = (problems: ScenarioProblem[]): RecordingParse => {
    const shown = problems
      .slice(0, 12)
      .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    const more = problems.length > 12 ? ` (and ${problems.length - 12} more)` : '';
    return { ok: false, message: `${shown.join('; ')}${more}` };
  };
  if (!isRecord(raw)) return fail(problem('', 'a recording must be a JSON object'));
  if (!('actions' in raw) && !('scenario' in raw) && ('servers' in raw || 'traffic' in raw))
    return fail(
      problem('', 'this is a scenario file, not a recording: open it with Import in the toolbar'),
    );
  const out: ScenarioProblem[] = [];
  for (const key of Object.keys(raw))
    if (!FIELDS.includes(key)) out.push({ path: key, message: 'unknown field' });
  if (raw.version !== 1) out.push({ path: 'version', message: 'must be 1' });
  const parsed = parseScenario(raw.scenario);
  if (!parsed.ok)
    for (const p of parsed.problems)
      out.push({ path: p.path ? `scenario.${p.path}` : 'scenario', message: p.message });
  else if (raw.seed !== parsed.scenario.seed)
    out.push({ path: 'seed', message: `must equal scenario.seed (${parsed.scenario.seed})` });
  if (raw.truncated !== undefined && typeof raw.truncated !== 'boolean')
    out.push({ path: 'truncated', message: 'must be true or false' });

  const actions = raw.actions;
  let last: RunPoint | null = null;
  if (!Array.isArray(actions)) out.push({ path: 'actions', message: 'must be a list of actions' });
  else if (actions.length > MAX_ACTIONS)
    out.push({
      path: 'actions',
      message: `must have at most ${MAX_ACTIONS.toLocaleString('en')} entries`,
    });
  else
    actions.forEach((a: unknown, i) => {
      const path = `actions[${i}]`;
      const point = checkPoint(a, path, last);
      out.push(...point, ...(isRecord(a) ? checkRecorded(a.command, `${path}.command`) : []));
      if (point.length === 0) last = a as RunPoint;
    });
  if (raw.end !== undefined && raw.end !== null) out.push(...checkPoint(raw.end, 'end', last));
  if (out.length > 0 || !parsed.ok) return fail(out);

  const recording: Recording = {
    version: 1,
    scenario: raw.scenario,
    seed: parsed.scenario.seed,
    actions: (actions as RecordedAction[]).map((a) => ({
      at: a.at,
      afterEvents: a.afterEvents,
      command: complete(a.command),
    })),
    end: isRecord(raw.end)
      ? { at: raw.end.at as number, afterEvents: raw.end.afterEvents as number }
      : null,
    truncated: raw.truncated === true,
  };
  return { ok: true, recording, scenario: parsed.scenario };
}

/** A recording checked without touching any run: what the page says about a file it read. */
export function checkRecording(raw: unknown): RecordingCheck {
  const parsed = parseRecording(raw);
  if (!parsed.ok) return parsed;
  const { actions, end, truncated } = parsed.recording;
  const name = parsed.scenario.name;
  return { ok: true, name, actions: actions.length, endAt: end?.at ?? null, truncated };
}
