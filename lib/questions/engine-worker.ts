// The engine's worker thread (engine-thread.ts): says `ready` once its
// modules are loaded, then answers each request in turn — a screen of one
// text, or a build of the whole catalogue.
import { parentPort } from 'node:worker_threads';
import { buildQuestions } from './build-questions.ts';
import { buildCatalogue } from './catalogue-build.ts';
import type { EngineReply, EngineRequest } from './engine-thread.ts';

const reply = (message: EngineReply) => parentPort!.postMessage(message);

parentPort!.on('message', (request: EngineRequest) => {
  try {
    if (request.kind === 'screen') {
      buildQuestions([{ key: 'candidate', title: '', outlet: null, text: request.text }]);
      reply({ kind: 'screened' });
    } else {
      reply({ kind: 'built', build: buildCatalogue(request.texts) });
    }
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
reply({ kind: 'ready' });
