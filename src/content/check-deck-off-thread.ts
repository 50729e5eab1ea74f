import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deckLimits } from '../domain/limits.ts';
import { checkImportedDeck, type ImportedDeckCheck } from './check-imported-deck.ts';

/**
 * The worker's script next to the running code. The bundle (`npm start`, the image) has it as its own
 * entry in dist/ (scripts/build.mjs); from the TypeScript sources (tsx, vitest) there is no JavaScript
 * file to start a worker from, so the check runs on this thread there (the production-bundle test
 * covers the worker).
 */
const workerScript = fileURLToPath(new URL('./deck-check-worker.js', import.meta.url));
const tooHeavy: ImportedDeckCheck = { ok: false, problems: [], hostile: 'too-heavy', tooManyItems: null };

/**
 * `checkImportedDeck` in a worker thread with its own heap limit and a deadline: a deck file inside
 * the size limit can still cost seconds and a hundred MB to parse (95,000 one-character items), and
 * on the main thread that would stall every learner's interaction and keep the heap grown.
 * Past `deckLimits.checkMs` or `deckLimits.checkHeapMb` the worker is stopped and the file is
 * reported as too heavy to check.
 */
export function checkImportedDeckOffThread(fileName: string, source: string): Promise<ImportedDeckCheck> {
  if (!existsSync(workerScript)) return Promise.resolve(checkImportedDeck(fileName, source));
  return new Promise((resolve) => {
    const worker = new Worker(workerScript, {
      workerData: { fileName, source },
      resourceLimits: { maxOldGenerationSizeMb: deckLimits.checkHeapMb, maxYoungGenerationSizeMb: 4 },
    });
    let settled = false;
    const settle = (result: ImportedDeckCheck) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(result);
    };
    const deadline = setTimeout(() => settle(tooHeavy), deckLimits.checkMs);
    worker.once('message', (result: ImportedDeckCheck) => settle(result));
    // Out of its heap (ERR_WORKER_OUT_OF_MEMORY) or any other failure of the check itself.
    worker.once('error', () => settle(tooHeavy));
    worker.once('exit', () => settle(tooHeavy));
  });
}
