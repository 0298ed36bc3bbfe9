// Runs one job on a worker thread started from one of our own script files (never from a string):
// dist/<script> next to the bundle, or the compiled module next to this folder's parent unbundled.
// A cold index uses three: the suffix array's sort, the formulation mining and its helper (half of
// the first pass over a large folder), while the main thread mines the files.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Our worker scripts: their file names, the same in dist/ and (in their folders) unbundled. */
export type OwnWorkerScript = 'suffixArrayWorker.js' | 'formulationsWorker.js';

const UNBUNDLED_FOLDER: Record<OwnWorkerScript, string> = { 'suffixArrayWorker.js': 'text', 'formulationsWorker.js': 'index' };

function scriptPath(script: OwnWorkerScript): string {
  // Bundled, every module is dist/<bundle>.js and the scripts sit beside it; unbundled, this module
  // is out/…/core/util/ownWorker.js.
  return path.basename(__dirname) === 'util' ? path.join(__dirname, '..', UNBUNDLED_FOLDER[script], script) : path.join(__dirname, script);
}

/**
 * The one message the worker sends, when `accept` takes it; rejects when the worker fails, exits
 * first or sends something else, or when `signal` aborts (an index cancelled or no longer wanted:
 * the thread is stopped at once instead of working on for seconds). The worker is stopped either way.
 */
export function runOwnWorker<T>(
  script: OwnWorkerScript,
  workerData: unknown,
  transferList: ArrayBuffer[],
  accept: (message: unknown) => message is T,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error(`${script} not started: aborted`));
    const worker = new Worker(scriptPath(script), { workerData, transferList });
    const onAbort = () => {
      reject(new Error(`${script} aborted`));
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (message: unknown) => {
      if (accept(message)) resolve(message);
      else reject(new Error(`${script} sent an unexpected message`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(`${script} exited with code ${code}`));
    });
  });
}
