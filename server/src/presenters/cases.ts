import { agreement, type CaseDetail, type CaseListItem } from '@zhijian/shared';
import type { CaseDetailRows, CaseRow } from '../queries/cases';
import { presentEntryFiles } from './entryFiles';
import { submittedScores } from './reviews';

export function presentCaseListItem(row: CaseRow): CaseListItem {
  return {
    entryId: row.entry.id,
    title: row.entry.title,
    category: row.entry.category,
    summary: row.entry.summary,
    unitName: row.unitName,
    callId: row.entry.callId,
    callTitle: row.callTitle,
    callKind: row.callKind,
    year: row.year,
    tier: row.entry.tier!,
    coverImageId: row.coverImageId === null ? null : Number(row.coverImageId),
  };
}

/** A case with its text, files, mean score and the reviewers' opinions without their names. */
export function presentCaseDetail({ row, files, assignments }: CaseDetailRows): CaseDetail {
  return {
    ...presentCaseListItem(row),
    registrationNumber: row.entry.registrationNumber,
    body: row.entry.body,
    mean: agreement(submittedScores(assignments, row.entry.id)).mean,
    ...presentEntryFiles(files),
    opinions: assignments.filter((a) => a.status === 'active' && a.reviewStatus === 'submitted' && a.opinion).map((a) => a.opinion!),
    publishedAt: row.publishedAt!.toISOString(),
  };
}
