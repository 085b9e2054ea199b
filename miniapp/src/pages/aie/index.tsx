import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Card } from '../../components/Card';
import { Cell, CellGroup } from '../../components/Cell';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useLoaded } from '../../hooks/useLoaded';
import { useHasRole, useRequireSession } from '../../hooks/useSession';
import {
  AIE_PEOPLE_PAGE,
  AIE_PROFILE_PAGE,
  QUESTIONS_PAGE,
  AIE_REVIEW_PAGE,
  VOLUNTEER_LIST_PAGE,
  AIE_WISH_PAGE,
  AIE_WISHES_PAGE,
} from '../../routes';
import { loadHub } from '../../services/aie';
import './index.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

function Hub() {
  const hub = useLoaded('hub', loadHub, { refreshOnShow: true });
  const admin = useHasRole(['unit_admin', 'secretariat']);
  if (!hub.data) return hub.error ? <StateView kind="error" description={hub.error} onRetry={hub.reload} /> : <StateView kind="loading" />;
  const { wishes, ranking, people } = hub.data;
  return (
    <View className="zj-aie-hub">
      <Card title="微心愿 · 待认领">
        {wishes.items.length === 0 ? <Text className="zj-aie-hub__note">暂时没有待认领的心愿。</Text> : null}
        <CellGroup>
          {wishes.items.map((wish) => (
            <Cell
              key={wish.id}
              title={wish.title}
              note={`${wish.wisher.name} · ${wish.unit.name} · ${wish.estimatedValue ? `约 ${wish.estimatedValue} 元` : '无需费用'}${wish.returned ? ' · 重新开放' : ''}`}
              arrow
              onClick={go(`${AIE_WISH_PAGE}?id=${wish.id}`)}
            />
          ))}
          <Cell title="全部心愿 · 我认领的" value={`${wishes.total} 个待认领`} arrow onClick={go(AIE_WISHES_PAGE)} />
        </CellGroup>
        {ranking.length ? (
          <Text className="zj-aie-hub__note">
            圆梦榜：
            {ranking
              .slice(0, 3)
              .map((row) => `${row.name} ${row.realised} 个`)
              .join('，')}
          </Text>
        ) : null}
      </Card>
      <Card title="一起做">
        <CellGroup>
          <Cell title="志愿活动" note="报名参加单位和协会的志愿服务" arrow onClick={go(VOLUNTEER_LIST_PAGE)} />
          <Cell title="传帮带" note="新员工提问，老党员解答" arrow onClick={go(QUESTIONS_PAGE)} />
        </CellGroup>
      </Card>
      <Card title="亮身份 明承诺">
        <CellGroup>
          {(people?.items ?? []).map((person) => (
            <Cell
              key={person.memberId}
              title={person.name}
              note={[person.skills.join('、'), person.promises].filter(Boolean).join(' · ') || '—'}
              onClick={go(AIE_PEOPLE_PAGE)}
            />
          ))}
          <Cell title="看看身边的党员" arrow onClick={go(AIE_PEOPLE_PAGE)} />
          <Cell title="我的亮身份与承诺" arrow onClick={go(AIE_PROFILE_PAGE)} />
        </CellGroup>
      </Card>
      {admin ? (
        <Card title="管理">
          <CellGroup>
            <Cell title="审核与发布" note="待审核的心愿、资料，待确认的承诺" arrow onClick={go(AIE_REVIEW_PAGE)} />
          </CellGroup>
        </Card>
      ) : null}
    </View>
  );
}

/** 爱E客栈 (tab): a few wishes to claim, volunteer activities, 传帮带, people and their promises. */
export default function AieTab() {
  const session = useRequireSession();
  return <Page className="zj-aie-tab">{session ? <Hub /> : <StateView kind="loading" />}</Page>;
}
