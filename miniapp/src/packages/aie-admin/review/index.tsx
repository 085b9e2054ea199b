import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Cell, CellGroup } from '../../../components/Cell';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import { AIE_PUBLISH_PAGE, AIE_WISH_PAGE } from '../../../routes';
import { decideCommitment, loadReviewQueue, reviewCommitment, reviewProfile } from '../../../services/aie';
import '../../aie/components/aie.scss';

function Queue({ unitId }: { unitId: number | null }) {
  const queue = useLoaded(unitId ?? 0, () => loadReviewQueue(unitId));
  const act = useAction(
    async (work: () => Promise<unknown>) => {
      await work();
      queue.reload();
    },
    { success: '已处理' },
  );
  if (!queue.data)
    return queue.error ? <StateView kind="error" description={queue.error} onRetry={queue.reload} /> : <StateView kind="loading" />;
  const { wishes, profiles, commitments } = queue.data;
  const run = (work: () => Promise<unknown>) => void act.run(work);
  return (
    <View className="zj-aie-review">
      <View className="zj-aie__actions">
        <Button variant="secondary" onClick={() => void Taro.navigateTo({ url: AIE_PUBLISH_PAGE })}>
          发布微心愿
        </Button>
      </View>
      <Card title={`待审核的心愿（${wishes.length}）`}>
        {wishes.length === 0 ? <Text className="zj-aie__note">没有待审核的心愿或感谢留言。</Text> : null}
        <CellGroup>
          {wishes.map((wish) => (
            <Cell
              key={wish.id}
              title={wish.title}
              note={`${wish.wisher.name} · ${wish.thankYouHeld ? '感谢留言待审核' : (wish.heldReason ?? '待审核')}`}
              arrow
              onClick={() => void Taro.navigateTo({ url: `${AIE_WISH_PAGE}?id=${wish.id}` })}
            />
          ))}
        </CellGroup>
      </Card>
      <Card title={`待审核的亮身份资料（${profiles.length}）`}>
        {profiles.length === 0 ? <Text className="zj-aie__note">没有待审核的资料。</Text> : null}
        {profiles.map((profile) => (
          <View key={profile.memberId} className="zj-aie__form">
            <Text className="zj-aie__line">
              {profile.name}：{profile.skills.join('、')} {profile.promises}
            </Text>
            <Text className="zj-aie__warn">{profile.heldReason}</Text>
            <View className="zj-aie__bar">
              <Button size="small" loading={act.busy} onClick={() => run(() => reviewProfile(profile.memberId, true))}>
                通过
              </Button>
              <Button size="small" variant="secondary" loading={act.busy} onClick={() => run(() => reviewProfile(profile.memberId, false))}>
                不通过（清空）
              </Button>
            </View>
          </View>
        ))}
      </Card>
      <Card title={`待确认的承诺（${commitments.length}）`}>
        {commitments.length === 0 ? <Text className="zj-aie__note">没有待确认或待审核的承诺。</Text> : null}
        {commitments.map((c) => (
          <View key={c.id} className="zj-aie__form">
            <Text className="zj-aie__line">
              {c.member.name}：{c.title}（{c.dueOn} 前）【{c.statusLabel}】
            </Text>
            <Text className="zj-aie__note">{c.content}</Text>
            {c.reportNote ? (
              <Text className="zj-aie__note">
                践诺情况：{c.reportNote}（照片 {c.photos.length} 张）
              </Text>
            ) : null}
            {c.heldReason ? <Text className="zj-aie__warn">{c.heldReason}</Text> : null}
            <View className="zj-aie__bar">
              {c.heldReason ? (
                <>
                  <Button size="small" loading={act.busy} onClick={() => run(() => reviewCommitment(c.id, true))}>
                    内容通过
                  </Button>
                  <Button size="small" variant="secondary" loading={act.busy} onClick={() => run(() => reviewCommitment(c.id, false))}>
                    内容不通过
                  </Button>
                </>
              ) : (
                <>
                  <Button size="small" loading={act.busy} onClick={() => run(() => decideCommitment(c.id, true))}>
                    确认已完成
                  </Button>
                  <Button
                    size="small"
                    variant="secondary"
                    loading={act.busy}
                    onClick={() => run(() => decideCommitment(c.id, false, '经核实未完成'))}
                  >
                    未完成
                  </Button>
                </>
              )}
            </View>
          </View>
        ))}
      </Card>
    </View>
  );
}

/** 爱E客栈审核: held wishes and thank-yous, held profiles, commitments to confirm. */
export default function ReviewPage() {
  const session = useSession();
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['unit_admin', 'secretariat']}>
        <Queue unitId={session?.user.unit?.id ?? null} />
      </RoleGate>
    </Page>
  );
}
