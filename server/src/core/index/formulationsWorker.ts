// Worker thread entry (dist/formulationsWorker.js when bundled): mines the recurring formulations of
// the texts it is given and sends them back, so a cold index mines the files on the main thread
// meanwhile (formulations were a third of a cold index of 1,200 files).
import { parentPort, workerData } from 'node:worker_threads';
import { mineFormulations } from './formulations';

const { texts, groups } = workerData as { texts: string[]; groups?: number[] };
parentPort?.postMessage(mineFormulations(texts, groups));
