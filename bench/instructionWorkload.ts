/**
 * One workload for `npm run bench:instructions` (instructions.bench.ts runs this file under
 * valgrind): two warm-up runs of 200,000 requests, so that V8 has compiled the hot code, then, if
 * asked, one run of `requests`. The driver subtracts a run with `requests` = 0, which leaves what
 * the last run alone executed.
 */
import { Simulation } from '../src/engine/simulation.ts';
import { scenarioOf } from '../src/engine/testing/scenarioOf.ts';
import { pool, referenceModel, withDefaultKeys, WORKLOADS, type Workload } from './benchModels.ts';
import { runReference } from './referenceSim.ts';

function run(workload: Workload, requests: number): void {
  if (workload === 'reference') {
    runReference(requests);
    return;
  }
  const raw =
    workload === 'engine'
      ? referenceModel(requests)
      : { strategy: 'least-connections', ...withDefaultKeys(pool(100, 10, requests)) };
  new Simulation(scenarioOf(raw), { logRequests: false }).runToEnd();
}

const [workload, requests] = [process.argv[2] as Workload, Number(process.argv[3])];
if (WORKLOADS.includes(workload) && Number.isInteger(requests) && requests >= 0) {
  run(workload, 2e5);
  run(workload, 2e5);
  if (requests > 0) run(workload, requests);
}
