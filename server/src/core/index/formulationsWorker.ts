// Worker thread entry (dist/formulationsWorker.js when bundled): mines the recurring formulations of
// the texts it is given and sends them back, so a cold index mines the files on the main thread
// meanwhile (formulations were a third of a cold index of 1,200 files). Started again from there
// for the first pass over half of a large group (firstPassOnly), which it shares that way.
import { parentPort, workerData } from 'node:worker_threads';
import { firstPass, mineFormulationsSplit } from './formulations';

const { texts, groups, firstPassOnly } = workerData as { texts: string[]; groups?: number[]; firstPassOnly?: boolean };
if (firstPassOnly) {
  const pass = firstPass(texts);
  // Moved rather than cloned: each array has a buffer of its own.
  parentPort?.postMessage(pass, Object.values(pass).map((a) => a.buffer as ArrayBuffer));
} else {
  void mineFormulationsSplit(texts, groups).then((mined) => parentPort?.postMessage(mined));
}
