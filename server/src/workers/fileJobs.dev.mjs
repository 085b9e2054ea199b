// Development entry of the file worker: the server runs from TypeScript sources through tsx,
// and a worker thread does not inherit the loader, so it registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
await import('./fileJobs.ts');
