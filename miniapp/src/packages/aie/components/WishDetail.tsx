import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, type Wish } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { TextArea } from '../../../components/TextArea';
import { AuthedImage } from '../../../components/submissions/AuthedImage';

export interface WishHandlers {
  onClaim: () => void;
  onGiveUp: () => void;
  onContacted: () => void;
  onAddPhotos: () => void;
  onRealised: () => void;
  onConfirm: (thankYou: string) => void;
  onReview: (approve: boolean, note: string) => void;
  onRevoke: (reason: string) => void;
  onTakeDown: (reason: string) => void;
}

/**
 * A wish with what the reader may do now: the buttons follow `wish.actions` (the server's word),
 * and an admin's refusal, revocation or take-down asks for the reason first.
 */
export function WishDetail({
  wish,
  busy,
  photoUrl,
  handlers,
}: {
  wish: Wish;
  busy: boolean;
  photoUrl: (id: number) => string;
  handlers: WishHandlers;
}) {
  const [thankYou, setThankYou] = useState('');
  const [reason, setReason] = useState('');
  const { actions } = wish;
  const admin = actions.review || actions.revokeClaim || actions.takeDown;
  return (
    <View className="zj-wish">
      <Card>
        <View className="zj-aie__bar">
          <Text className="zj-card__title">{wish.title}</Text>
          <Text className="zj-aie__tag">{wish.statusLabel}</Text>
        </View>
        <Text className="zj-aie__line">{wish.reason}</Text>
        <Text className="zj-aie__note">
          心愿人：{wish.wisher.name}（{wish.unit.name}） · {wish.scopeLabel}
        </Text>
        <Text className="zj-aie__note">
          {wish.estimatedValue ? `估值约 ${wish.estimatedValue} 元` : '无需费用'} · 截止 {wish.deadline}
        </Text>
        {wish.claimer ? <Text className="zj-aie__note">认领人：{wish.claimer.name}</Text> : null}
        {wish.contactBy ? (
          <Text className="zj-aie__warn">请在 {formatShanghaiDateTime(new Date(wish.contactBy))} 前联系心愿人，否则认领自动释放</Text>
        ) : null}
        {wish.heldReason ? <Text className="zj-aie__warn">待审核：{wish.heldReason}</Text> : null}
        {wish.takedownReason ? <Text className="zj-aie__warn">下架理由：{wish.takedownReason}</Text> : null}
        {wish.points !== null ? <Text className="zj-aie__note">认领人获得公益积分 {wish.points} 分</Text> : null}
        {wish.thankYou ? (
          <Text className="zj-aie__line">
            感谢留言：{wish.thankYou}
            {wish.thankYouHeld ? '（待审核）' : ''}
          </Text>
        ) : null}
      </Card>

      {wish.photos.length ? (
        <Card title={`心愿实现的照片（${wish.photos.length}/9）`}>
          <View className="zj-aie__photos">
            {wish.photos.map((photo) => (
              <AuthedImage key={photo.id} src={photoUrl(photo.id)} className="zj-aie__photo" />
            ))}
          </View>
        </Card>
      ) : null}

      <View className="zj-aie__actions">
        {actions.claim ? (
          <Button block loading={busy} onClick={handlers.onClaim}>
            认领心愿
          </Button>
        ) : null}
        {actions.markContacted ? (
          <Button block loading={busy} onClick={handlers.onContacted}>
            已联系心愿人
          </Button>
        ) : null}
        {actions.uploadPhotos ? (
          <Button block variant="secondary" loading={busy} onClick={handlers.onAddPhotos}>
            上传照片
          </Button>
        ) : null}
        {actions.markRealised ? (
          <Button block loading={busy} onClick={handlers.onRealised}>
            心愿已实现
          </Button>
        ) : null}
        {actions.confirm ? (
          <View className="zj-aie__form">
            <TextArea label="感谢留言（可不填）" value={thankYou} onChange={setThankYou} maxlength={500} placeholder="写几句感谢的话" />
            <Button block loading={busy} onClick={() => handlers.onConfirm(thankYou)}>
              确认完成
            </Button>
          </View>
        ) : null}
        {actions.giveUp ? (
          <Button block variant="plain" loading={busy} onClick={handlers.onGiveUp}>
            放弃认领
          </Button>
        ) : null}
      </View>

      {admin ? (
        <Card title="管理">
          <TextArea label="理由" value={reason} onChange={setReason} maxlength={500} placeholder="不通过、撤销认领或下架时请写明理由" />
          <View className="zj-aie__actions">
            {actions.review ? (
              <>
                <Button block loading={busy} onClick={() => handlers.onReview(true, reason)}>
                  审核通过
                </Button>
                <Button block variant="secondary" loading={busy} onClick={() => handlers.onReview(false, reason)}>
                  不通过
                </Button>
              </>
            ) : null}
            {actions.revokeClaim ? (
              <Button block variant="secondary" loading={busy} onClick={() => handlers.onRevoke(reason)}>
                撤销认领
              </Button>
            ) : null}
            {actions.takeDown ? (
              <Button block variant="danger" loading={busy} onClick={() => handlers.onTakeDown(reason)}>
                下架心愿
              </Button>
            ) : null}
          </View>
        </Card>
      ) : null}

      <Card title="进展">
        {wish.timeline.map((step, index) => (
          <Text key={index} className="zj-aie__note">
            {formatShanghaiDateTime(new Date(step.at))} {step.actor} {step.label}
            {step.note ? `：${step.note}` : ''}
          </Text>
        ))}
      </Card>
    </View>
  );
}
