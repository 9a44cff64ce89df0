import { parseScenario } from '../scenario/schema.ts';
import type { Scenario } from '../scenario/types.ts';

/** A validated scenario from raw JSON, for tests; a refused one fails loudly with its problems. */
export function scenarioOf(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) {
    throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
  return parsed.scenario;
}
