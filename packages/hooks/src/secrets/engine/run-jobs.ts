import {
  type BatchResult,
  emptyBatchResult,
  type JobFile,
  type JobSetup,
  mergeBatchResult,
  runBatch,
} from './file-job.js';
import type { WorkerInit } from './scan-worker.js';
import type { WorkerPool } from './worker-pool.js';

export interface ParallelTuning {
  /** Worker threads to add once a scan turns out to be large; 0 keeps everything in this thread. */
  workers?: number;
  /** A scan still running after this long is large: start the workers. */
  afterMs?: number;
  /** The main thread scans files too (false: it only hands out work, for tests of the workers). */
  mainThreadScans?: boolean;
}

export interface ParallelOptions extends Required<ParallelTuning> {
  /** What each worker needs to rebuild the checks (only possible with the default checks). */
  init: WorkerInit;
}

export interface JobsOutcome {
  result: BatchResult;
  /** Notes for the report (for example: the workers could not start). */
  warnings: string[];
}

// This many files is a large scan whatever their size: start the workers right away.
const EAGER_FILES = 2000;
// This thread scans a few files between two looks at the workers' answers; workers get larger
// batches (fewer messages). Bytes count only contents already in memory (staged blobs).
const LOCAL_BATCH = 8;
const LOCAL_BATCH_WITH_POOL = 2;
const WORKER_BATCH = 32;
const WORKER_BATCH_BYTES = 2 * 1024 * 1024;

/**
 * Scans `files`, adaptively: everything starts in this thread, so a hook's handful of files never
 * pays for a worker (nor loads the pool's code). A scan still going after `afterMs` (or a very
 * long list) adds the workers; this thread keeps scanning too, handing out batches between its
 * own files. Memory stays bounded: working-tree files are read one at a time where they are
 * scanned, a few batches per worker are in flight, and results hold findings, never content.
 */
export async function runJobs(
  files: readonly JobFile[],
  setup: JobSetup,
  parallel: ParallelOptions | undefined,
): Promise<JobsOutcome> {
  const total = emptyBatchResult();
  const warnings: string[] = [];
  let next = 0;
  const take = (maxFiles: number, maxBytes: number): JobFile[] => {
    const batch: JobFile[] = [];
    let bytes = 0;
    while (next < files.length && batch.length < maxFiles && bytes < maxBytes) {
      const file = files[next++]!;
      bytes += file.content?.length ?? 0;
      batch.push(file);
    }
    return batch;
  };
  const takeForWorker = () => {
    const batch = take(WORKER_BATCH, WORKER_BATCH_BYTES);
    return batch.length > 0 ? batch : undefined;
  };

  let pool: WorkerPool | undefined;
  let canParallel = parallel !== undefined && parallel.workers > 0;
  const startPool = async () => {
    canParallel = false; // once
    const { WorkerPool } = await import('./worker-pool.js');
    try {
      pool = new WorkerPool(parallel!.workers, parallel!.init, {
        result: (_batch, result) => mergeBatchResult(total, result),
        lost(batch, why) {
          // Fail closed: a file that was not scanned is an error in the report, never a pass.
          for (const f of batch) {
            total.errors.push({ path: f.path, message: `not scanned: a scan worker failed (${why})` });
          }
        },
        stopped(why, beforeReady) {
          if (beforeReady) warnings.push(`scan workers unavailable (${why}); scanned in one thread`);
        },
      });
    } catch (error) {
      warnings.push(`scan workers unavailable (${(error as Error).message}); scanned in one thread`);
    }
  };

  const started = performance.now();
  if (canParallel && files.length >= EAGER_FILES) await startPool();
  while (next < files.length) {
    if (canParallel && performance.now() - started >= parallel!.afterMs) await startPool();
    if (pool !== undefined) {
      pool.poll();
      pool.fill(takeForWorker);
      if (next >= files.length) break;
      if (!parallel!.mainThreadScans && pool.alive > 0) {
        await pool.waitForNews();
        continue;
      }
    }
    const batch = take(pool !== undefined && pool.alive > 0 ? LOCAL_BATCH_WITH_POOL : LOCAL_BATCH, Infinity);
    mergeBatchResult(total, await runBatch(batch, setup));
  }
  if (pool !== undefined) {
    while (pool.inFlight() > 0) await pool.waitForNews();
    await pool.close();
  }
  return { result: total, warnings: [...new Set(warnings)] };
}
