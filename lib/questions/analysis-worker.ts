// Worker thread for `analysableWithin`: builds the questions of one text off
// the main thread, so a text that takes the engine too long can be abandoned
// without stalling the server. Says "ready" once its modules are loaded, then
// answers each text with "done".
import { parentPort } from 'node:worker_threads';
import { buildQuestions } from './build-questions.ts';

parentPort!.on('message', (text: string) => {
  buildQuestions([{ key: 'candidate', title: '', outlet: null, text }]);
  parentPort!.postMessage('done');
});
parentPort!.postMessage('ready');
