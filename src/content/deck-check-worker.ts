// The worker thread behind `checkImportedDeckOffThread`: one check per worker, answered once.
import { parentPort, workerData } from 'node:worker_threads';
import { checkImportedDeck } from './check-imported-deck.ts';

const { fileName, source } = workerData as { fileName: string; source: string };
parentPort?.postMessage(checkImportedDeck(fileName, source));
