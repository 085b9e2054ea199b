import { MODERATION_LABELS, type Answer, type ModerationQueue, type QuestionDetail, type QuestionSummary } from '@zhijian/shared';
import type { AnswerRow, ModerationQueueRows, QuestionDetailRows, QuestionRow } from '../queries/questions';

const EXCERPT_CHARS = 60;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= EXCERPT_CHARS ? flat : `${chars.slice(0, EXCERPT_CHARS).join('')}…`;
}

export function presentQuestionSummary({ question, askerName, answerCount }: QuestionRow): QuestionSummary {
  return {
    id: question.id,
    title: question.title,
    excerpt: excerpt(question.body),
    tags: question.tags,
    asker: { id: question.askerId, name: askerName },
    moderation: question.moderation,
    moderationLabel: MODERATION_LABELS[question.moderation],
    hiddenReason: question.hiddenReason,
    solved: question.solvedAnswerId !== null,
    answerCount,
    createdAt: question.createdAt.toISOString(),
  };
}

export function presentAnswer({ answer, authorName }: AnswerRow, solvedAnswerId: number | null): Answer {
  return {
    id: answer.id,
    questionId: answer.questionId,
    author: { id: answer.authorId, name: authorName },
    body: answer.body,
    moderation: answer.moderation,
    moderationLabel: MODERATION_LABELS[answer.moderation],
    hiddenReason: answer.hiddenReason,
    heldLabel: answer.heldLabel,
    solution: answer.id === solvedAnswerId,
    points: answer.points,
    createdAt: answer.createdAt.toISOString(),
  };
}

/** `viewer`: who reads, to say whether they asked it and whether they moderate the unit. */
export function presentQuestionDetail(rows: QuestionDetailRows, viewer: { id: number; moderator: boolean }): QuestionDetail {
  const { question } = rows;
  return {
    ...presentQuestionSummary(rows),
    body: question.body,
    heldLabel: viewer.moderator || question.askerId === viewer.id ? question.heldLabel : null,
    answers: rows.answers.map((answer) => presentAnswer(answer, question.solvedAnswerId)),
    mine: question.askerId === viewer.id,
    canModerate: viewer.moderator,
  };
}

export function presentModerationQueue(rows: ModerationQueueRows): ModerationQueue {
  return {
    questions: rows.questions.map((row) => ({ ...presentQuestionSummary(row), heldLabel: row.question.heldLabel })),
    answers: rows.answers.map((row) => ({ ...presentAnswer(row, null), questionTitle: row.questionTitle })),
  };
}
