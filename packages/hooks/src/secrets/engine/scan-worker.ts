// Worker-thread entry of the scan pool (see worker-pool.ts): builds the checks once, then scans
// the batches it is sent, one at a time, and answers each with a BatchResult (no file content).
import { type MessagePort, workerData } from 'node:worker_threads';
import type { Policy, Scope } from '@seckit/core';
import { fileChecks } from '../../checks/index.js';
import { secretlintCheck, secretScanner } from '../../checks/secretlint-check.js';
import { type JobSetup, runBatch } from './file-job.js';
import type { ToMain, ToWorker } from './worker-pool.js';

export interface WorkerInit {
  root: string;
  policy: Policy;
  scope: Scope;
  /** Indexes into `fileChecks` of the enabled checks, in run order. */
  checkIndexes: number[];
}

const { init, port } = workerData as { init: WorkerInit; port: MessagePort };
const setup: JobSetup = {
  root: init.root,
  policy: init.policy,
  scope: init.scope,
  checks: init.checkIndexes.map((i) => fileChecks[i]).filter((c) => c !== undefined),
};
// Build the rules and the keyword automaton before saying "ready".
if (setup.checks.includes(secretlintCheck)) secretScanner();
port.postMessage({ type: 'ready' } satisfies ToMain);

// One batch at a time: rules may be async, and the rule runner takes one file at a time.
let queue = Promise.resolve();
port.on('message', (message: ToWorker) => {
  queue = queue.then(async () => {
    try {
      const result = await runBatch(message.files, setup);
      port.postMessage({ type: 'result', id: message.id, result } satisfies ToMain);
    } catch (error) {
      port.postMessage({
        type: 'failed',
        id: message.id,
        message: (error as Error).message,
      } satisfies ToMain);
    }
  });
});
