import { z } from 'zod';

/** 书记直通车: who a letter goes to — the unit's party secretaries, or the association's secretariat. */
export const LETTER_RECIPIENTS = ['secretary', 'secretariat'] as const;
export const LetterRecipient = z.enum(LETTER_RECIPIENTS);
export type LetterRecipient = z.infer<typeof LetterRecipient>;
export const LETTER_RECIPIENT_LABELS: Record<LetterRecipient, string> = { secretary: '本单位书记', secretariat: '协会秘书处' };

export const LETTER_KINDS = ['suggestion', 'problem', 'help', 'praise', 'other'] as const;
export const LetterKind = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof LetterKind>;
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  suggestion: '建议',
  problem: '反映问题',
  help: '求助',
  praise: '表扬',
  other: '其他',
};

/**
 * held (内容待审核) → pending (待受理) → accepted (已受理) → replied (已回复) → rated (已评价);
 * a 不满意 rating of a first reply reopens the letter once (reopened, 待复审) for another reply.
 * A held letter the reviewer refuses ends as rejected (未通过审核).
 */
export const LETTER_STATUSES = ['held', 'rejected', 'pending', 'accepted', 'replied', 'reopened', 'rated'] as const;
export const LetterStatus = z.enum(LETTER_STATUSES);
export type LetterStatus = z.infer<typeof LetterStatus>;
export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = {
  held: '内容待审核',
  rejected: '未通过审核',
  pending: '待受理',
  accepted: '已受理',
  replied: '已回复',
  reopened: '待复审',
  rated: '已评价',
};

export const LETTER_RATINGS = ['satisfied', 'fair', 'unsatisfied'] as const;
export const LetterRating = z.enum(LETTER_RATINGS);
export type LetterRating = z.infer<typeof LetterRating>;
export const LETTER_RATING_LABELS: Record<LetterRating, string> = { satisfied: '满意', fair: '基本满意', unsatisfied: '不满意' };

/** Working days: to accept a letter, to reply after accepting (or reopening), and at most for one extension. */
export const LETTER_ACCEPT_DAYS = 2;
export const LETTER_REPLY_DAYS = 10;
export const LETTER_MAX_EXTENSION_DAYS = 10;
/** Letters a member may write per day (Asia/Shanghai). */
export const LETTERS_PER_DAY = 3;

/** What the writer is told on the form, word for word: the reader does not see the name, the record keeps it. */
export const LETTER_ANONYMITY_NOTE = '勾选后，书记（或秘书处）看不到您的姓名、手机号和单位；系统仍会保存您是写信人，仅用于回复和跟进。';

/** The day a letter in this status must move by, or null when nothing is waiting on its reader. */
export function letterDueOn(letter: { status: LetterStatus; acceptDueOn: string; replyDueOn: string | null }): string | null {
  if (letter.status === 'pending') return letter.acceptDueOn;
  if (letter.status === 'accepted' || letter.status === 'reopened') return letter.replyDueOn;
  return null;
}

/** Overdue: the reader has let the due day pass (today is after it). */
export function isLetterOverdue(letter: { status: LetterStatus; acceptDueOn: string; replyDueOn: string | null }, today: string): boolean {
  const due = letterDueOn(letter);
  return due !== null && today > due;
}
