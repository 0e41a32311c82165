// Entry of the engine's worker thread (see engine-thread.ts): registers tsx
// in this thread, then loads the TypeScript worker. A worker's own entry is
// loaded before any --import hook would apply, hence this plain file.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
