import {
  claimOverdue,
  maskedName,
  WISH_CONTACT_MS,
  WISH_SCOPE_LABELS,
  WISH_STATUS_LABELS,
  type RecordEvent,
  type Wish,
  type WishActions,
} from '@zhijian/shared';
import type { CurrentUser } from '../auth/currentUser';
import { canManageWish, mayClaimWish, seesWisherName, wishFacts } from '../policies/wishes';
import type { WishEventRow, WishPhotoRow, WishRows } from '../queries/wishes';

export const WISH_EVENT_LABELS: Record<string, string> = {
  asked: '提出心愿',
  published: '发布心愿',
  held: '内容待审核',
  approved: '审核通过',
  refused: '审核未通过',
  claimed: '认领',
  given_up: '放弃认领',
  released: '超过 7 天未联系，自动释放',
  revoked: '撤销认领',
  contacted: '已联系心愿人',
  photo_added: '上传照片',
  realised: '心愿已实现',
  completed: '确认完成',
  thank_you_approved: '感谢留言审核通过',
  thank_you_refused: '感谢留言未通过审核',
  withdrawn: '下架',
};

export function presentWishPhoto(photo: WishPhotoRow): Wish['photos'][number] {
  return { id: photo.id, width: photo.width, height: photo.height };
}

function presentTimeline(rows: WishEventRow[], wisherId: number, showWisher: boolean): RecordEvent[] {
  return rows.map((row) => ({
    action: row.action,
    label: WISH_EVENT_LABELS[row.action] ?? row.action,
    // The wisher's own steps (asking, confirming) carry their name: masked wherever the wisher is.
    actor: row.actorName === null ? '系统' : row.actorId === wisherId && !showWisher ? maskedName(row.actorName) : row.actorName,
    note: row.note,
    at: row.at.toISOString(),
  }));
}

/**
 * A wish as this reader may see it at `now`: the wisher masked (王某) unless the reader is the
 * wisher, the claimer or an admin looking after them; an unanswered claim past its 7 days already
 * counts as released; the actions the reader may take.
 */
export function presentWish(rows: WishRows, viewer: CurrentUser, now: Date): Wish {
  const { wish } = rows;
  const lapsed = wish.status === 'claimed' && rows.claim !== null && claimOverdue(rows.claim.claimedAt, now);
  const claim = lapsed ? null : rows.claim;
  const status = lapsed ? 'open' : wish.status;
  const facts = { ...wishFacts(wish, claim), status };
  const showName = seesWisherName(viewer, facts);
  const manages = canManageWish(viewer, wish);
  const isClaimer = claim !== null && claim.memberId === viewer.id && claim.status === 'active';
  const isWisher = viewer.id === wish.wisherId;
  const thankYouVisible = wish.thankYou !== null && (!wish.thankYouHeld || manages || isWisher);
  const actions: WishActions = {
    claim: status === 'open' && !isWisher && mayClaimWish(viewer, facts),
    giveUp: isClaimer && (status === 'claimed' || status === 'contacted'),
    markContacted: isClaimer && status === 'claimed',
    uploadPhotos: isClaimer && (status === 'contacted' || status === 'realised'),
    markRealised: isClaimer && status === 'contacted' && rows.photos.length > 0,
    confirm: status === 'realised' && (isWisher || manages),
    review: manages && (status === 'pending_review' || wish.thankYouHeld),
    revokeClaim: manages && (status === 'claimed' || status === 'contacted' || status === 'realised'),
    takeDown: manages && status !== 'completed' && status !== 'withdrawn',
  };
  return {
    id: wish.id,
    scope: wish.scope,
    scopeLabel: WISH_SCOPE_LABELS[wish.scope],
    wisher: showName
      ? { id: wish.wisherId, name: rows.wisherName, masked: false }
      : { id: null, name: maskedName(rows.wisherName), masked: true },
    unit: { id: wish.unitId, name: rows.unitName },
    title: wish.title,
    reason: wish.reason,
    estimatedValue: wish.estimatedValue,
    deadline: wish.deadline,
    status,
    statusLabel: WISH_STATUS_LABELS[status],
    heldReason: manages || isWisher ? wish.heldReason : null,
    takedownReason: wish.takedownReason,
    claimer: claim && rows.claimerName !== null ? { id: claim.memberId, name: rows.claimerName } : null,
    claimedAt: claim?.claimedAt.toISOString() ?? null,
    contactBy: claim && status === 'claimed' ? new Date(claim.claimedAt.getTime() + WISH_CONTACT_MS).toISOString() : null,
    returned: status === 'open' && (lapsed || wish.returnedAt !== null),
    photos: rows.photos.map(presentWishPhoto),
    thankYou: thankYouVisible ? wish.thankYou : null,
    thankYouHeld: thankYouVisible && wish.thankYouHeld,
    points: rows.points,
    actions,
    timeline: presentTimeline(rows.timeline, wish.wisherId, showName),
    createdAt: wish.createdAt.toISOString(),
  };
}
