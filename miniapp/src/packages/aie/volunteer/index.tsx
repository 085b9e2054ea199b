import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { Segmented } from '../../secretariat/components/Segmented';
import { useHasRole } from '../../../hooks/useSession';
import { usePagedList } from '../../../hooks/usePagedList';
import { VOLUNTEER_DETAIL_PAGE, VOLUNTEER_PUBLISH_PAGE } from '../../../routes';
import { listVolunteerActivities } from '../../../services/volunteer';
import { ActivityCard } from './components/ActivityCard';
import './components/volunteer.scss';

type Filter = 'all' | 'mine';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部活动' },
  { value: 'mine', label: '我的报名' },
];

/** 志愿活动: the unit's and the association's, soonest first, with places left and my sign-ups. */
export default function VolunteerListPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const organiser = useHasRole(['unit_admin', 'secretariat']);
  const list = usePagedList((page, pageSize) => listVolunteerActivities(page, pageSize, filter === 'mine'), [filter]);
  return (
    <Page className="zj-aie-page">
      <View className="zj-vol__bar">
        <Segmented options={FILTERS} value={filter} onChange={setFilter} />
        {organiser ? (
          <Button size="small" onClick={() => void Taro.navigateTo({ url: VOLUNTEER_PUBLISH_PAGE })}>
            发布活动
          </Button>
        ) : null}
      </View>
      <PagedList
        list={list}
        keyOf={(activity) => activity.id}
        renderItem={(activity) => (
          <ActivityCard activity={activity} onOpen={(id) => void Taro.navigateTo({ url: `${VOLUNTEER_DETAIL_PAGE}?id=${id}` })} />
        )}
        emptyTitle={filter === 'mine' ? '还没有报名志愿活动' : '暂无志愿活动'}
        emptyDescription="本单位党务工作者和协会秘书处发布的志愿活动会出现在这里，报名参加并签到可获得公益积分。"
      />
    </Page>
  );
}
