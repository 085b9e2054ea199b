import { BONUS_STATUS_LABELS, type BonusClaim, type RecordEvent } from '@zhijian/shared';
import type { BonusClaimRows, BonusPhotoRow } from '../queries/bonuses';
import type { RecordEventRow } from '../queries/recordEvents';

/** What each step of a timeline is called, by action. */
export const RECORD_EVENT_LABELS: Record<string, string> = {
  declared: '提交申报',
  photo_added: '上传照片',
  approved: '认定加分',
  refused: '不予认定',
  recorded: '记录扣分',
  appealed: '提出申诉',
  upheld: '维持扣分',
  withdrawn: '撤销扣分',
  took_effect: '扣分生效',
};

/** The system (a scheduled job, the demo loader) acts under this name. */
const SYSTEM_ACTOR = '系统';

export function presentTimeline(rows: RecordEventRow[]): RecordEvent[] {
  return rows.map((row) => ({
    action: row.action,
    label: RECORD_EVENT_LABELS[row.action] ?? row.action,
    actor: row.actorName ?? SYSTEM_ACTOR,
    note: row.note,
    at: row.at.toISOString(),
  }));
}

export function presentBonusPhoto(photo: BonusPhotoRow): BonusClaim['photos'][number] {
  return { id: photo.id, width: photo.width, height: photo.height };
}

export function presentBonusClaim({ claim, memberName, photos, timeline }: BonusClaimRows): BonusClaim {
  return {
    id: claim.id,
    member: { id: claim.memberId, name: memberName },
    unitId: claim.unitId,
    kindKey: claim.kindKey,
    kindName: claim.kindName,
    occurredOn: claim.occurredOn,
    description: claim.description,
    status: claim.status,
    statusLabel: BONUS_STATUS_LABELS[claim.status],
    points: claim.points,
    decisionNote: claim.decisionNote,
    photos: photos.map(presentBonusPhoto),
    timeline: presentTimeline(timeline),
    createdAt: claim.createdAt.toISOString(),
    decidedAt: claim.decidedAt?.toISOString() ?? null,
  };
}
