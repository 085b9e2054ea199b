export { BulletinImportError, type BulletinImportErrorReason } from './errors';
export { blockText, formatDryRunSummary, toDryRunDocument } from './dryRun';
export { parseBulletin } from './parseBulletin';
export { parseBulletinFile } from './parseBulletinFile';
export { readBulletinFile } from './readBulletinFile';
export type * from './types';
