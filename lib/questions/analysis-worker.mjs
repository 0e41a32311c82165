// Entry of the analysis worker thread (see analysable-within.ts): registers
// tsx in this thread, then loads the TypeScript worker. A worker's own entry
// is loaded before any --import hook would apply, hence this plain file.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
