/** A sweep's worker thread: loads EPANET once, then runs the jobs it is sent one at a time. */
import { parentPort } from 'node:worker_threads';
import { loadWaterEngine } from '../../sim';
import type { SweepJob } from '../../scenario/sweep/plan';
import { runJob } from './run-job';

export interface ThreadRequest {
  readonly id: number;
  readonly job: SweepJob;
  readonly scenarioKey: string;
}

const port = parentPort;
if (port) {
  const ready = loadWaterEngine();
  port.on('message', (msg: ThreadRequest) => {
    void ready.then(
      () => port.postMessage({ id: msg.id, outcome: runJob(msg.job, msg.scenarioKey) }),
      (e: unknown) => port.postMessage({ id: msg.id, outcome: { hash: null, figures: {}, error: `could not load the EPANET engine: ${String(e)}` } }),
    );
  });
}
