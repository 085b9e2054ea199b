import { bulletinRefusals, uploadRefusals, type Refusal, type RefusalDetails } from '@zhijian/shared';
import { refuse, type AppError } from '../errors';

/**
 * Why a file is no newsletter to import: the refusals of any upload (empty, unreadable — a missing
 * file on the command line too —, a type we do not read) and `not_a_bulletin`.
 */
export type BulletinFileRefusal =
  | typeof uploadRefusals.file_empty
  | typeof uploadRefusals.file_unreadable
  | typeof uploadRefusals.file_type_refused
  | typeof bulletinRefusals.not_a_bulletin;

type FieldsOf<F extends Refusal> = Omit<RefusalDetails<F>, 'reason'>;

/**
 * A file that cannot be imported as a newsletter. It carries the refusal the import endpoint
 * answers with; the message is Chinese, says what was wrong with this file, and is what the
 * command line prints.
 */
export class BulletinImportError extends Error {
  readonly reason: BulletinFileRefusal['reason'];

  private constructor(
    readonly refusal: BulletinFileRefusal,
    readonly details: object,
    message: string,
  ) {
    super(message);
    this.name = 'BulletinImportError';
    this.reason = refusal.reason;
  }

  static because<F extends BulletinFileRefusal>(refusal: F, details: FieldsOf<F>, message: string): BulletinImportError {
    return new BulletinImportError(refusal, details, message);
  }

  /** The API's answer: the refusal, with this file's message. */
  toRefusal(): AppError {
    return refuse(this.refusal as Refusal, this.details, this.message);
  }
}

/** The importer's refusals, each with the message for this file. */
export const importRefused = {
  empty: (message: string) => BulletinImportError.because(uploadRefusals.file_empty, {}, message),
  unreadable: (message: string) => BulletinImportError.because(uploadRefusals.file_unreadable, {}, message),
  /** `detected`: the type the content (or the name) says, e.g. `png`, `cfb` (old Office), `doc`; null for unknown binary. */
  wrongType: (detected: string | null, message: string) =>
    BulletinImportError.because(uploadRefusals.file_type_refused, { detected }, message),
  notABulletin: () => BulletinImportError.because(bulletinRefusals.not_a_bulletin, {}, bulletinRefusals.not_a_bulletin.message({})),
};
