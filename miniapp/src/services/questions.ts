import type { ModerationInput, QuestionInput } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call } from './api';

/** 传帮带: the unit's questions (searchable), asking, answering, marking the solution; the unit admin's queue. */

export function listQuestions(page: number, pageSize: number, q?: string) {
  return call(api.questions.list, { query: q ? { page, pageSize, q } : { page, pageSize } });
}

export function getQuestion(id: number) {
  return call(api.questions.get, { params: { id } });
}

export function askQuestion(input: QuestionInput) {
  return call(api.questions.ask, { body: input });
}

export function answerQuestion(id: number, body: string) {
  return call(api.questions.answer, { params: { id }, body: { body } });
}

export function markSolved(id: number, answerId: number) {
  return call(api.questions.markSolved, { params: { id }, body: { answerId } });
}

export function moderationQueue(unitId: number) {
  return call(api.questions.queue, { params: { unitId } });
}

export function moderateQuestion(id: number, input: ModerationInput) {
  return call(api.questions.moderateQuestion, { params: { id }, body: input });
}

export function moderateAnswer(id: number, input: ModerationInput) {
  return call(api.questions.moderateAnswer, { params: { id }, body: input });
}
