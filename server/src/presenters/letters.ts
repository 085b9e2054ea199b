import {
  isLetterOverdue,
  LETTER_KIND_LABELS,
  LETTER_RATING_LABELS,
  LETTER_RECIPIENT_LABELS,
  LETTER_STATUS_LABELS,
  letterDueOn,
  type BoardLetter,
  type Letter,
  type LetterPhoto,
  type LetterReply,
  type UnitLetterTimeliness,
} from '@zhijian/shared';
import type { BoardLetterRows, LetterPhotoRow, LetterReplyRow, LetterRow, LetterRows } from '../queries/letters';

/** Who is looking: the writer, or a reader / reviewer (who never sees an anonymous writer). */
export interface LetterViewer {
  id: number;
  /** Asia/Shanghai day, for the overdue flag computed on read. */
  today: string;
}

function presentReply(reply: LetterReplyRow): LetterReply {
  return { id: reply.id, body: reply.body, held: reply.held, createdAt: reply.createdAt.toISOString() };
}

export function presentLetter({ letter, writerName, unitName, replies, photos }: LetterRows, viewer: LetterViewer): Letter {
  const mine = letter.writerId === viewer.id;
  const showWriter = mine || !letter.anonymous;
  return {
    id: letter.id,
    recipient: letter.recipient,
    recipientLabel: LETTER_RECIPIENT_LABELS[letter.recipient],
    kind: letter.kind,
    kindLabel: LETTER_KIND_LABELS[letter.kind],
    body: letter.body,
    anonymous: letter.anonymous,
    writer: showWriter ? { name: writerName, unitName } : null,
    mine,
    status: letter.status,
    statusLabel: LETTER_STATUS_LABELS[letter.status],
    writtenOn: letter.writtenOn,
    acceptDueOn: letter.acceptDueOn,
    replyDueOn: letter.replyDueOn,
    dueOn: letterDueOn(letter),
    overdue: isLetterOverdue(letter, viewer.today),
    extension: letter.extensionDays !== null ? { days: letter.extensionDays, reason: letter.extensionReason ?? '' } : null,
    rating: letter.rating,
    ratingLabel: letter.rating ? LETTER_RATING_LABELS[letter.rating] : null,
    reopened: letter.reopenedAt !== null,
    onBoard: letter.onBoard,
    boardShowsName: letter.boardShowsName,
    // A held reply waits for review: its author and the reviewer see it, the writer does not yet.
    replies: replies.filter((reply) => !reply.held || !mine || reply.authorId === viewer.id).map(presentReply),
    photos: photos.map(presentLetterPhoto),
    createdAt: letter.createdAt.toISOString(),
    acceptedAt: letter.acceptedAt?.toISOString() ?? null,
  };
}

export function presentLetterPhoto(photo: LetterPhotoRow): LetterPhoto {
  return { id: photo.id, width: photo.width, height: photo.height };
}

/** The board shows a letter's text and replies only: its photos may show faces, places or papers that name the writer. */
export function presentBoardLetter({ letter, writerName, replies, followCount, following }: BoardLetterRows): BoardLetter {
  return {
    id: letter.id,
    kindLabel: LETTER_KIND_LABELS[letter.kind],
    body: letter.body,
    writerName: letter.boardShowsName && !letter.anonymous ? writerName : null,
    replies: replies.filter((reply) => !reply.held).map((reply) => ({ body: reply.body, createdAt: reply.createdAt.toISOString() })),
    followCount: Number(followCount),
    following: Boolean(following),
    createdAt: letter.createdAt.toISOString(),
  };
}

export function presentTimeliness(row: UnitLetterTimeliness): UnitLetterTimeliness {
  return { ...row };
}

/**
 * A letter as the audit log (read by the secretariat) keeps it: an anonymous letter's writer and
 * unit are left out; the letter row keeps them for follow-up.
 */
export function presentLetterForAudit(letter: LetterRow): Record<string, unknown> {
  const { writerId, unitId, ...rest } = letter;
  return letter.anonymous ? rest : { writerId, unitId, ...rest };
}
