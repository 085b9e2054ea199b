export type BulletinImportErrorReason = 'file-not-found' | 'unreadable' | 'unsupported-format' | 'empty' | 'broken-docx' | 'not-a-bulletin';

/** A file that cannot be imported as a newsletter; the message is Chinese and meant for the user. */
export class BulletinImportError extends Error {
  constructor(
    readonly reason: BulletinImportErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'BulletinImportError';
  }
}
