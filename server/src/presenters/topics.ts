import type { Topic } from '@zhijian/shared';
import type { TopicRows } from '../queries/topics';

/** A topic with its claims; `myClaimId` is the claim of the viewer's unit, if any. */
export function presentTopic({ topic, claims }: TopicRows, viewerUnitId: number | null): Topic {
  return {
    id: topic.id,
    callId: topic.callId,
    title: topic.title,
    description: topic.description,
    claims: claims.map(({ claim, unitName, groupName }) => ({
      id: claim.id,
      unitId: claim.unitId,
      unitName,
      groupName: claim.groupId === null ? null : groupName,
      status: claim.status,
      note: claim.note,
      claimedAt: claim.createdAt.toISOString(),
    })),
    myClaimId: claims.find((c) => viewerUnitId !== null && c.claim.unitId === viewerUnitId)?.claim.id ?? null,
  };
}
