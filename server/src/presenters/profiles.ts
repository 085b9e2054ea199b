import { COMMITMENT_STATUS_LABELS, type Commitment, type CommitmentSummary, type Profile } from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { canSeeProfile } from '../policies/profiles';
import type { CommitmentPhotoRow, CommitmentRow, CommitmentRows, ProfileRows } from '../queries/profiles';

export function presentCommitmentSummary(row: CommitmentRow): CommitmentSummary {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    content: row.content,
    dueOn: row.dueOn,
    status: row.status,
    statusLabel: COMMITMENT_STATUS_LABELS[row.status],
  };
}

/** A profile as this reader may see it: held commitments only for the member and the unit admin. No phone, ever. */
export function presentProfile({ member, unitName, profile, commitments }: ProfileRows, viewer: CurrentUser): Profile {
  const isPublic = profile?.public ?? false;
  const visible = commitments.filter((c) =>
    canSeeProfile(viewer, { memberId: member.id, unitId: member.unitId, public: isPublic, held: c.heldReason !== null }),
  );
  return {
    memberId: member.id,
    name: member.name,
    unit: member.unitId === null ? null : { id: member.unitId, name: unitName ?? '' },
    skills: profile?.skills ?? [],
    promises: profile?.promises ?? '',
    public: isPublic,
    heldReason: profile?.heldReason ?? null,
    commitments: visible.map(presentCommitmentSummary),
    updatedAt: profile?.updatedAt.toISOString() ?? null,
  };
}

export function presentCommitmentPhoto(photo: CommitmentPhotoRow): Commitment['photos'][number] {
  return { id: photo.id, width: photo.width, height: photo.height };
}

export function presentCommitment({ commitment, memberName, photos }: CommitmentRows): Commitment {
  return {
    ...presentCommitmentSummary(commitment),
    member: { id: commitment.memberId, name: memberName },
    unitId: commitment.unitId,
    heldReason: commitment.heldReason,
    reportNote: commitment.reportNote,
    reportedAt: commitment.reportedAt?.toISOString() ?? null,
    decisionNote: commitment.decisionNote,
    decidedAt: commitment.decidedAt?.toISOString() ?? null,
    photos: photos.map(presentCommitmentPhoto),
    createdAt: commitment.createdAt.toISOString(),
  };
}
