/**
 * One process's share of `npm run bench`'s model block: the reference and the engine alternated
 * (modelRuns.ts), printed as JSON on stdout for engine.bench.ts, which starts several of these.
 * Usage: node --import tsx bench/modelRunsProcess.ts <arrivals> <runs>
 */
import { processClocks } from './measure.ts';
import { modelRuns } from './modelRuns.ts';

const [arrivals, runs] = process.argv.slice(2).map(Number);
if (!(Number.isInteger(arrivals) && arrivals! > 0 && Number.isInteger(runs) && runs! > 0)) {
  console.error('usage: modelRunsProcess.ts <arrivals> <runs> (positive integers)');
  process.exit(2);
}
const comparison = modelRuns(arrivals!, runs!, processClocks);
process.stdout.write(JSON.stringify(comparison));
