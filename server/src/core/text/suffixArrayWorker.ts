// Worker thread entry (dist/suffixArrayWorker.js when bundled): sorts the suffixes of the symbols it
// is given and sends the array back, so a cold index mines files on the main thread meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { inducedSort } from './inducedSort';

const { s, upper } = workerData as { s: Int32Array; upper: number };
const sa = inducedSort(s, upper);
parentPort?.postMessage(sa, [sa.buffer as ArrayBuffer]);
