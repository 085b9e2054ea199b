import type { PageQuery } from '@zhijian/shared';
import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { bigramsOf, normalizeForSearch } from '../bulletinSearch/text';
import type { Queryable } from '../db/client';
import { members, questionAnswers, questions } from '../db/schema';
import { notFound } from '../errors';
import { paginate, type Page } from './paginate';

export type QuestionRecord = typeof questions.$inferSelect;
export type AnswerRecord = typeof questionAnswers.$inferSelect;

/** Who reads: held and hidden text is shown only to its author and to the unit's admin (`moderator`). */
export interface QuestionViewer {
  id: number;
  unitId: number | null;
  moderator: boolean;
}

export interface QuestionRow {
  question: QuestionRecord;
  askerName: string;
  answerCount: number;
}

export interface AnswerRow {
  answer: AnswerRecord;
  authorName: string;
}

export interface QuestionDetailRows extends QuestionRow {
  answers: AnswerRow[];
}

/**
 * The derived search columns of a question, as the 简报 search builds them: each part normalised
 * (case, width, whitespace) and kept apart by a space, which no normalised query contains, so no
 * match spans two parts; the bigrams of every part for the GIN index.
 */
export function questionSearchFields(title: string, body: string, tags: string[]): { searchText: string; bigrams: string[] } {
  const parts = [title, body, ...tags];
  return {
    searchText: parts.map(normalizeForSearch).join(' '),
    bigrams: [...new Set(parts.flatMap((part) => bigramsOf(part)))],
  };
}

export async function findQuestion(db: Queryable, id: number): Promise<QuestionRecord> {
  const [row] = await db.select().from(questions).where(eq(questions.id, id));
  if (!row) throw notFound('问题');
  return row;
}

export async function findAnswer(db: Queryable, id: number): Promise<{ answer: AnswerRecord; question: QuestionRecord }> {
  const [row] = await db
    .select({ answer: questionAnswers, question: questions })
    .from(questionAnswers)
    .innerJoin(questions, eq(questions.id, questionAnswers.questionId))
    .where(eq(questionAnswers.id, id));
  if (!row) throw notFound('回答');
  return row;
}

/** Shown text, or the viewer's own, or anything for the unit's admin. */
export function canReadQuestion(viewer: QuestionViewer, question: QuestionRecord): boolean {
  return question.unitId === viewer.unitId && (viewer.moderator || question.moderation === 'visible' || question.askerId === viewer.id);
}

function readableQuestions(viewer: QuestionViewer): SQL | undefined {
  return viewer.moderator ? undefined : or(eq(questions.moderation, 'visible'), eq(questions.askerId, viewer.id));
}

function readableAnswers(viewer: QuestionViewer): SQL | undefined {
  return viewer.moderator ? undefined : or(eq(questionAnswers.moderation, 'visible'), eq(questionAnswers.authorId, viewer.id));
}

/** Shown answers of the question (the ones a plain reader counts). */
const visibleAnswerCount = sql<number>`(select count(*) from ${questionAnswers} a
  where a.question_id = ${questions.id} and a.moderation = 'visible')`.mapWith(Number);

/**
 * The unit's questions the viewer may read, newest first. With `q`: the bigram index narrows to
 * questions holding every two-character piece of the query, `strpos` keeps true substrings.
 */
export async function listQuestions(
  db: Queryable,
  viewer: QuestionViewer & { unitId: number },
  query: PageQuery & { q?: string; solved?: 'true' | 'false' },
): Promise<Page<QuestionRow>> {
  const filters: (SQL | undefined)[] = [eq(questions.unitId, viewer.unitId), readableQuestions(viewer)];
  const needle = query.q ? normalizeForSearch(query.q) : '';
  if (needle) {
    const grams = bigramsOf(needle);
    if (grams.length) filters.push(sql`${questions.bigrams} @> ${sql.param(grams)}::text[]`);
    filters.push(sql`strpos(${questions.searchText}, ${needle}) > 0`);
  }
  if (query.solved === 'true') filters.push(sql`${questions.solvedAnswerId} is not null`);
  if (query.solved === 'false') filters.push(sql`${questions.solvedAnswerId} is null`);
  const where = and(...filters);
  return paginate(query, {
    rows: db
      .select({ question: questions, askerName: members.name, answerCount: visibleAnswerCount })
      .from(questions)
      .innerJoin(members, eq(members.id, questions.askerId))
      .where(where)
      .orderBy(desc(questions.createdAt), desc(questions.id))
      .$dynamic(),
    count: db.select({ n: count() }).from(questions).where(where),
  });
}

/** A question with the answers the viewer may read, oldest first. */
export async function loadQuestion(db: Queryable, id: number, viewer: QuestionViewer): Promise<QuestionDetailRows> {
  const [row] = await db
    .select({ question: questions, askerName: members.name, answerCount: visibleAnswerCount })
    .from(questions)
    .innerJoin(members, eq(members.id, questions.askerId))
    .where(eq(questions.id, id));
  if (!row) throw notFound('问题');
  const answers = await db
    .select({ answer: questionAnswers, authorName: members.name })
    .from(questionAnswers)
    .innerJoin(members, eq(members.id, questionAnswers.authorId))
    .where(and(eq(questionAnswers.questionId, id), readableAnswers(viewer)))
    .orderBy(questionAnswers.createdAt, questionAnswers.id);
  return { ...row, answers };
}

export async function loadAnswer(db: Queryable, id: number): Promise<AnswerRow> {
  const [row] = await db
    .select({ answer: questionAnswers, authorName: members.name })
    .from(questionAnswers)
    .innerJoin(members, eq(members.id, questionAnswers.authorId))
    .where(eq(questionAnswers.id, id));
  if (!row) throw notFound('回答');
  return row;
}

export interface ModerationQueueRows {
  questions: QuestionRow[];
  answers: Array<AnswerRow & { questionTitle: string }>;
}

/** The unit's held and hidden questions and answers, held first, newest first. */
export async function loadModerationQueue(db: Queryable, unitId: number): Promise<ModerationQueueRows> {
  const heldFirst = (column: typeof questions.moderation | typeof questionAnswers.moderation) =>
    sql`case ${column} when 'held' then 0 else 1 end`;
  const queued = ['held', 'hidden'] as const;
  const questionRows = await db
    .select({ question: questions, askerName: members.name, answerCount: visibleAnswerCount })
    .from(questions)
    .innerJoin(members, eq(members.id, questions.askerId))
    .where(and(eq(questions.unitId, unitId), inArray(questions.moderation, [...queued])))
    .orderBy(heldFirst(questions.moderation), desc(questions.createdAt))
    .limit(200);
  const answerRows = await db
    .select({ answer: questionAnswers, authorName: members.name, questionTitle: questions.title })
    .from(questionAnswers)
    .innerJoin(questions, eq(questions.id, questionAnswers.questionId))
    .innerJoin(members, eq(members.id, questionAnswers.authorId))
    .where(and(eq(questions.unitId, unitId), inArray(questionAnswers.moderation, [...queued])))
    .orderBy(heldFirst(questionAnswers.moderation), desc(questionAnswers.createdAt))
    .limit(200);
  return { questions: questionRows, answers: answerRows };
}
