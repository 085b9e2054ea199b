import { useRouter } from '@tarojs/taro';
import { MAX_WISH_PHOTOS } from '@zhijian/shared';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import {
  claimWish,
  confirmWish,
  getWish,
  giveUpWish,
  markWishContacted,
  markWishRealised,
  reviewWish,
  revokeWishClaim,
  takeDownWish,
  uploadWishPhoto,
  wishPhotoUrl,
} from '../../../services/aie';
import { UserError } from '../../../services/errors';
import { pickImages } from '../../../services/files';
import { WishDetail } from '../components/WishDetail';
import '../components/aie.scss';

function needReason(reason: string): string {
  if (reason.trim().length < 2) throw new UserError('请先在“理由”中写明理由');
  return reason.trim();
}

function WishView({ id }: { id: number }) {
  const wish = useLoaded(id, getWish);
  const act = useAction(
    async (work: () => Promise<unknown>) => {
      await work();
      wish.reload();
    },
    { success: '' },
  );
  if (!wish.data)
    return wish.error ? <StateView kind="error" description={wish.error} onRetry={wish.reload} /> : <StateView kind="loading" />;
  const data = wish.data;
  const run = (work: () => Promise<unknown>) => void act.run(work);
  return (
    <WishDetail
      wish={data}
      busy={act.busy}
      photoUrl={wishPhotoUrl}
      handlers={{
        onClaim: () => run(() => claimWish(id)),
        onGiveUp: () => run(() => giveUpWish(id)),
        onContacted: () => run(() => markWishContacted(id)),
        onAddPhotos: () =>
          run(async () => {
            const picked = await pickImages(MAX_WISH_PHOTOS - data.photos.length);
            for (const photo of picked) await uploadWishPhoto(id, photo);
          }),
        onRealised: () => run(() => markWishRealised(id)),
        onConfirm: (thankYou) => run(() => confirmWish(id, thankYou)),
        onReview: (approve, note) => run(() => reviewWish(id, approve, approve ? undefined : needReason(note))),
        onRevoke: (reason) => run(() => revokeWishClaim(id, needReason(reason))),
        onTakeDown: (reason) => run(() => takeDownWish(id, needReason(reason))),
      }}
    />
  );
}

/** 微心愿详情: claim, contact, photos, realised, confirm; the admin reviews, revokes or takes down. */
export default function WishPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['member', 'unit_admin', 'secretariat']}>
        {Number.isInteger(id) && id > 0 ? <WishView id={id} /> : <StateView kind="empty" title="没有找到这个心愿" />}
      </RoleGate>
    </Page>
  );
}
