import type { AwardKind, AwardRules } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call, client } from './api';
import { listDraftIssues } from './bulletins';
import { downloadExport } from './download';

/** 年度评优: members read the 公示 and object; 片组长 recommend; the secretariat runs the rest. */

// ── Members.

export function awardPublicity() {
  return call(api.awards.publicity, {});
}

export function objectToWinner(candidateId: number, text: string) {
  return call(api.awards.object, { params: { id: candidateId }, body: { text } });
}

// ── 片组长 and the secretariat.

export function awardReviews() {
  return call(api.awards.list, {});
}

export function openAwardReview(year: number) {
  return call(api.awards.open, { body: { year } });
}

export function awardReview(id: number) {
  return call(api.awards.get, { params: { id } });
}

export function setAwardRules(id: number, rules: AwardRules) {
  return call(api.awards.setRules, { params: { id }, body: rules });
}

export type CandidateView = 'all' | 'eligible' | 'recommended';

export function awardCandidates(id: number, award: AwardKind, show: CandidateView, page: number, pageSize: number) {
  return call(api.awards.candidates, { params: { id }, query: { award, show, page, pageSize } });
}

export function recommendCandidate(id: number, note: string) {
  return call(api.awards.recommend, { params: { id }, body: { note } });
}

export function decideCandidate(id: number, selected: boolean, note: string) {
  return call(api.awards.decide, { params: { id }, body: { selected, note } });
}

export function startAwardPublicity(id: number) {
  return call(api.awards.startPublicity, { params: { id } });
}

export function awardObjections(id: number) {
  return call(api.awards.objections, { params: { id } });
}

export function answerObjection(id: number, answer: string) {
  return call(api.awards.answer, { params: { id }, body: { answer } });
}

export function publishAwards(id: number, issueId: number) {
  return call(api.awards.publish, { params: { id }, body: { issueId } });
}

/** The review's objections and, once 公示 runs, the drafts its list may go into. */
export async function loadAwardProcess(id: number) {
  const review = await awardReview(id);
  const objections = review.status === 'open' ? [] : await awardObjections(id);
  const drafts = review.status === 'publicity' ? await listDraftIssues() : [];
  return { review, objections, drafts };
}

export function awardCertificate(candidateId: number) {
  return call(api.awards.certificate, { params: { id: candidateId } });
}

export function exportAwardCandidates(id: number, year: number) {
  return downloadExport(client.url(api.awards.exportCandidates, { params: { id } }), `${year}年度评优候选.xlsx`);
}

export function exportAwardWinners(id: number, year: number) {
  return downloadExport(client.url(api.awards.exportWinners, { params: { id } }), `${year}年度评优获奖名单.xlsx`);
}

// ── A unit's record (its admin, the secretariat).

/** The unit's honours and its members', newest year first, the unit's own before its members'. */
export function unitHonours(unitId: number) {
  return call(api.awards.unitHonours, { params: { id: unitId } });
}
