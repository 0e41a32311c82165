// The question engine on a worker thread, for the server. Text from outside
// (an article import) is first tried there under a time budget: a real
// article of 1,700 words takes about 16 ms, but crafted text (thousands of
// quotation marks or titles) can take the engine many seconds, and a thread
// that overruns is stopped. The catalogue's questions are then built there
// too: every article is analysed again (a story's articles complete each
// other's names), which takes seconds for a large catalogue, and the main
// thread — every player's requests — must not wait for it.
import { Worker } from 'node:worker_threads';
import type { ArticleText } from './build-questions.ts';
import type { CatalogueBuild } from './catalogue-build.ts';

export const ANALYSIS_BUDGET_MS = 1_000;
/** Loading the thread (TypeScript, the NLP model) is not the text's fault, but it is bounded too. */
const STARTUP_LIMIT_MS = 20_000;
/**
 * A whole catalogue's build: seconds for hundreds of articles. Bounded below
 * the transaction it runs in (store-questions.ts, 120 s), so a build that
 * overran fails the import rather than leaving a thread running.
 */
const BUILD_LIMIT_MS = 100_000;

export type EngineRequest = { kind: 'screen'; text: string } | { kind: 'build'; texts: ArticleText[] };
export type EngineReply = { kind: 'ready' } | { kind: 'screened' } | { kind: 'built'; build: CatalogueBuild } | { kind: 'failed'; message: string };

export interface EngineThread {
  /** Whether the engine gets through `text` within the budget. After a `false`, the thread is stopped. */
  analysableWithin(text: string, budgetMs?: number): Promise<boolean>;
  /** The catalogue's build (catalogue-build.ts), made on the thread. */
  build(texts: ArticleText[]): Promise<CatalogueBuild>;
  /** Stops the thread. */
  close(): Promise<void>;
}

/** Starts a thread; one request at a time. */
export async function openEngineThread(): Promise<EngineThread> {
  const worker = new Worker(new URL('./engine-worker.mjs', import.meta.url));
  let pending: { resolve(reply: EngineReply | 'overran'): void; reject(error: Error): void; timer: NodeJS.Timeout } | undefined;
  const settle = (outcome: { reply: EngineReply | 'overran' } | { error: Error }) => {
    const waiting = pending;
    pending = undefined;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    if ('error' in outcome) waiting.reject(outcome.error);
    else waiting.resolve(outcome.reply);
  };
  let stopped: Error | undefined;
  worker.on('message', (reply: EngineReply) => settle({ reply }));
  worker.on('error', (error) => settle({ error: (stopped = error) }));
  worker.on('exit', () => settle({ error: (stopped ??= new Error('the engine thread stopped')) }));

  /** The thread's next reply, or 'overran' when `limitMs` passes first. */
  const next = (limitMs: number, onOverrun: 'overran' | Error) =>
    new Promise<EngineReply | 'overran'>((resolve, reject) => {
      const timer = setTimeout(() => (onOverrun === 'overran' ? settle({ reply: 'overran' }) : settle({ error: onOverrun })), limitMs);
      pending = { resolve, reject, timer };
    });

  try {
    await next(STARTUP_LIMIT_MS, new Error('the engine thread did not start'));
  } catch (error) {
    await worker.terminate();
    throw error;
  }

  const ask = async (request: EngineRequest, limitMs: number): Promise<EngineReply | 'overran'> => {
    if (stopped) throw stopped;
    const reply = next(limitMs, 'overran');
    worker.postMessage(request);
    const answer = await reply;
    if (answer !== 'overran' && answer.kind === 'failed') throw new Error(`the question engine failed: ${answer.message}`);
    return answer;
  };

  return {
    async analysableWithin(text, budgetMs = ANALYSIS_BUDGET_MS) {
      const reply = await ask({ kind: 'screen', text }, budgetMs);
      if (reply !== 'overran') return true;
      await worker.terminate();
      return false;
    },
    async build(texts) {
      const reply = await ask({ kind: 'build', texts }, BUILD_LIMIT_MS);
      if (reply === 'overran') {
        await worker.terminate();
        throw new Error(`the question engine did not build the catalogue within ${BUILD_LIMIT_MS / 1000} s`);
      }
      if (reply.kind !== 'built') throw new Error('the engine thread gave no build');
      return reply.build;
    },
    async close() {
      await worker.terminate();
    },
  };
}
