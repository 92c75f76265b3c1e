// A sweep thread's entry point. The twin's command line runs its TypeScript through tsx, but a
// worker thread does not inherit tsx's loader, so the thread registers it before loading thread.ts.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
