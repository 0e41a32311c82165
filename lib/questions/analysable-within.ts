// Whether the question engine gets through a text within a time budget,
// measured in a worker thread that is stopped when the budget runs out. For
// text from outside (article imports): a real article of 1,700 words takes
// about 16 ms, but crafted text (thousands of quotation marks or titles) can
// take the engine many seconds, and the server builds questions on its main
// thread.
import { Worker } from 'node:worker_threads';

export const ANALYSIS_BUDGET_MS = 1_000;
/** Loading the worker (TypeScript, the NLP model) is not the text's fault, but it is bounded too. */
const STARTUP_LIMIT_MS = 20_000;

export async function analysableWithin(text: string, budgetMs = ANALYSIS_BUDGET_MS): Promise<boolean> {
  // The worker is TypeScript like the rest of the app; its plain entry registers tsx first.
  const worker = new Worker(new URL('./analysis-worker.mjs', import.meta.url));
  try {
    return await new Promise<boolean>((resolve, reject) => {
      let timer = setTimeout(() => reject(new Error('the analysis worker did not start')), STARTUP_LIMIT_MS);
      worker.on('message', (message: string) => {
        clearTimeout(timer);
        if (message === 'ready') {
          timer = setTimeout(() => resolve(false), budgetMs);
          worker.postMessage(text);
        } else {
          resolve(true);
        }
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await worker.terminate();
  }
}
