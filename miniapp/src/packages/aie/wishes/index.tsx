import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { AIE_WISH_PAGE } from '../../../routes';
import { listWishes, type WishView } from '../../../services/aie';
import { Segmented } from '../../secretariat/components/Segmented';
import { WishCard } from '../components/WishCard';
import '../components/aie.scss';

type Tab = 'open' | 'claimed' | 'wished';
const TABS: { value: Tab; label: string }[] = [
  { value: 'open', label: '待认领' },
  { value: 'claimed', label: '我认领的' },
  { value: 'wished', label: '我的心愿' },
];
const VIEW: Record<Tab, WishView> = { open: 'all', claimed: 'claimed', wished: 'wished' };

function Wishes() {
  const [tab, setTab] = useState<Tab>('open');
  const list = usePagedList((page, pageSize) => listWishes(page, pageSize, VIEW[tab], tab === 'open' ? 'open' : undefined), [tab]);
  return (
    <View>
      <View className="zj-aie__bar">
        <Segmented options={TABS} value={tab} onChange={setTab} />
      </View>
      <PagedList
        list={list}
        keyOf={(wish) => wish.id}
        renderItem={(wish) => <WishCard wish={wish} onOpen={(id) => void Taro.navigateTo({ url: `${AIE_WISH_PAGE}?id=${id}` })} />}
        emptyTitle={tab === 'open' ? '暂时没有待认领的心愿' : tab === 'claimed' ? '还没有认领心愿' : '还没有提出心愿'}
        emptyDescription="认领后请在 7 天内联系心愿人；每人同时最多认领 2 个心愿。"
      />
    </View>
  );
}

/** 微心愿: open wishes (returned ones first), my claims, my own wishes. */
export default function WishesPage() {
  return (
    <Page className="zj-aie-page">
      <RoleGate roles={['member', 'unit_admin', 'secretariat']}>
        <Wishes />
      </RoleGate>
    </Page>
  );
}
