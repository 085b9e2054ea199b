import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime, type AttendanceRequestView } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { usePagedList } from '../../../hooks/usePagedList';
import { useSession } from '../../../hooks/useSession';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';

function RequestRow({ request, onDecided }: { request: AttendanceRequestView; onDecided: () => void }) {
  const [busy, setBusy] = useState(false);
  async function decide(approve: boolean) {
    setBusy(true);
    try {
      await call(api.checkins.decide, { params: { id: request.id }, body: { approve } });
      void Taro.showToast({ title: approve ? '已批准' : '已不批准', icon: 'none' });
      onDecided();
    } catch (failure) {
      void Taro.showToast({ title: messageOf(failure), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <View className="zj-card">
      <Text className="zj-card__title">
        {request.member.name} · {request.kind === 'leave' ? '请假' : '补签'}
      </Text>
      <Text className="zj-muted">
        {request.activity.title} · {formatShanghaiDateTime(new Date(request.activity.startsAt))}
      </Text>
      <Text>原因：{request.reason}</Text>
      <View className="zj-activity__actions">
        <Button size="small" loading={busy} onClick={() => void decide(true)}>
          批准
        </Button>
        <Button size="small" variant="secondary" loading={busy} onClick={() => void decide(false)}>
          不批准
        </Button>
      </View>
    </View>
  );
}

function Approvals({ unitId }: { unitId: number }) {
  const list = usePagedList(
    (page, pageSize) => call(api.checkins.listRequests, { params: { unitId }, query: { page, pageSize, status: 'pending' } }),
    [unitId],
  );
  return (
    <PagedList
      list={list}
      keyOf={(request) => request.id}
      renderItem={(request) => <RequestRow request={request} onDecided={() => list.reload()} />}
      emptyTitle="没有待审批的申请"
      emptyDescription="党员在活动开始前请假、签到结束后申请补签，都会出现在这里。"
    />
  );
}

export default function ApprovalsPage() {
  const session = useSession();
  const unitId = session?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>{unitId ? <Approvals unitId={unitId} /> : <StateView kind="empty" title="尚未关联单位" />}</RoleGate>
    </Page>
  );
}
