import { api } from '@zhijian/shared';
import { call, type Body } from './api';

/** A reviewer's work: the queue of assigned entries, reading, scoring, declining. */

export async function reviewQueue() {
  return (await call(api.reviews.queue)).items;
}

export function getAssignment(id: number) {
  return call(api.reviews.get, { params: { id } });
}

export type ScoreInput = Body<typeof api.reviews.saveDraft>;

export function saveReviewDraft(assignmentId: number, body: ScoreInput) {
  return call(api.reviews.saveDraft, { params: { id: assignmentId }, body });
}

/** Submits the scores and the opinion; they cannot be changed afterwards. */
export function submitReview(assignmentId: number, body: ScoreInput) {
  return call(api.reviews.submit, { params: { id: assignmentId }, body });
}

export function declineReview(assignmentId: number, reason: string) {
  return call(api.reviews.decline, { params: { id: assignmentId }, body: { reason } });
}
