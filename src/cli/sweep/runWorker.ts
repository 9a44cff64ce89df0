/**
 * A worker thread of `npm run sweep`: receives the plan once (as workerData), then run indices one
 * at a time, and answers each with the run's figures. threadPool.ts bundles it with the engine
 * into the one script each thread runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import { runOne } from '../../engine/sweep/runOne.ts';
import type { ThreadReply } from './threadPool.ts';

const port = parentPort;
if (port === null) throw new Error('runWorker.ts must run as a worker thread');
const plan = (workerData as { plan: SweepPlan }).plan;

port.on('message', (index: number) => {
  let reply: ThreadReply;
  try {
    reply = { index, figures: runOne(plan, index) };
  } catch (e) {
    reply = { index, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
