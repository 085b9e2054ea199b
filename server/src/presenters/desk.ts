import type { DeskEntryItem, ReviewerLoad } from '@zhijian/shared';
import type { DeskEntryRow } from '../queries/entries';
import type { AssignmentStatusRow, ReviewerRow } from '../queries/reviews';
import { presentEntryListItem } from './entries';

/** A line of the secretariat's desk: the entry, its 片组 and how far its reviews are. */
export function presentDeskEntryItem(row: DeskEntryRow): DeskEntryItem {
  return {
    ...presentEntryListItem(row),
    groupName: row.groupName,
    activeReviewers: Number(row.activeReviewers),
    reviewsSubmitted: Number(row.reviewsSubmitted),
  };
}

/** A reviewer with what they have been given in a call: assigned, submitted, declined. */
export function presentReviewerLoad(reviewer: ReviewerRow, assignments: readonly AssignmentStatusRow[]): ReviewerLoad {
  const own = assignments.filter((row) => row.reviewerId === reviewer.id);
  return {
    id: reviewer.id,
    name: reviewer.name,
    unitName: reviewer.unitName,
    groupName: reviewer.groupName,
    assigned: own.filter((row) => row.status === 'active').length,
    submitted: own.filter((row) => row.status === 'active' && row.reviewStatus === 'submitted').length,
    declined: own.filter((row) => row.status === 'declined').length,
  };
}
