/**
 * A worker thread of `npm run sweep`: receives the plan once (as workerData), says it is online,
 * then receives run indices one at a time and answers each with the run's figures and when it
 * started and ended. workerBundle.ts bundles it with the engine into the one script each thread
 * runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SweepPlan } from '../../engine/sweep/plan.ts';
import { describeError, threadCpuMs, timedRun, wallNow } from './runTiming.ts';
import type { ThreadMessage } from './threadPool.ts';

const port = parentPort;
if (port === null) throw new Error('runWorker.ts must run as a worker thread');
const plan = (workerData as { plan: SweepPlan }).plan;
port.postMessage({ onlineMs: wallNow(), cpuMs: threadCpuMs() } satisfies ThreadMessage);

port.on('message', (index: number) => {
  let reply: ThreadMessage;
  try {
    reply = timedRun(plan, index);
  } catch (e) {
    reply = { index, error: describeError(e) };
  }
  port.postMessage(reply);
});
