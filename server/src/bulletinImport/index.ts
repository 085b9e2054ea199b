export { BulletinImportError, type BulletinFileRefusal } from './errors';
export { blockText, formatDryRunSummary, toDryRunDocument } from './dryRun';
export { parseBulletin } from './parseBulletin';
export { parseBulletinBuffer, parseBulletinFile } from './parseBulletinFile';
export { readBulletinBuffer, readBulletinFile } from './readBulletinFile';
export type * from './types';
