// Development entry of the export worker: the server runs from TypeScript sources through tsx,
// and a worker thread does not inherit the loader, so it registers tsx itself first.
import { register } from 'tsx/esm/api';

register();
const { default: runExportJob } = await import('./exportJobs.ts');
export default runExportJob;
