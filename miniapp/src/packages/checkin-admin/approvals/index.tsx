import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, type AttendanceRequestView } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { PagedList } from '../../../components/PagedList';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { usePagedList } from '../../../hooks/usePagedList';
import { useSession } from '../../../hooks/useSession';
import { decideRequest, pendingRequests } from '../../../services/activities';
import './index.scss';

function RequestRow({ request, onDecided }: { request: AttendanceRequestView; onDecided: () => void }) {
  const decide = useAction(
    async (approve: boolean) => {
      await decideRequest(request.id, approve);
      onDecided();
    },
    { success: (_, approve) => (approve ? '已批准' : '已不批准') },
  );
  return (
    <Card title={`${request.member.name} · ${request.kind === 'leave' ? '请假' : '补签'}`}>
      <Text className="zj-muted">
        {request.activity.title} · {formatShanghaiDateTime(new Date(request.activity.startsAt))}
      </Text>
      <Text>原因：{request.reason}</Text>
      <View className="zj-approval__actions">
        <Button size="small" loading={decide.busy} onClick={() => void decide.run(true)}>
          批准
        </Button>
        <Button size="small" variant="secondary" loading={decide.busy} onClick={() => void decide.run(false)}>
          不批准
        </Button>
      </View>
    </Card>
  );
}

function Approvals({ unitId }: { unitId: number }) {
  const list = usePagedList((page, pageSize) => pendingRequests(unitId, page, pageSize), [unitId]);
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
