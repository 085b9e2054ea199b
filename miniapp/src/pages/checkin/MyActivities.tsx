import { Text, View } from '@tarojs/components';
import { ATTENDANCE_STATUS_LABELS, type MyActivity, type RequestKind } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { ActivityCard } from '../../components/ActivityCard';
import { Button } from '../../components/Button';
import { RequestForm } from './RequestForm';

const REQUEST_STATUS = { pending: '待审批', approved: '已批准', refused: '未批准' } as const;

function statusLabel(activity: MyActivity): string | undefined {
  if (activity.myStatus === 'waiting') return undefined;
  return ATTENDANCE_STATUS_LABELS[activity.myStatus];
}

/** Sends a leave or make-up request for an activity, with the member's reason. */
export type OnRequest = (activityId: number, kind: z.output<typeof RequestKind>, reason: string) => Promise<unknown>;

function ActivityItem({ activity, onRequest, onChanged }: { activity: MyActivity; onRequest: OnRequest; onChanged: () => void }) {
  const [asking, setAsking] = useState<z.output<typeof RequestKind> | null>(null);
  return (
    <ActivityCard activity={activity} badge={statusLabel(activity)}>
      {activity.requests.map((request) => (
        <Text key={request.id} className="zj-activity__line">
          {request.kind === 'leave' ? '请假' : '补签'}申请：{REQUEST_STATUS[request.status]}
          {request.decisionNote ? `（${request.decisionNote}）` : ''}
        </Text>
      ))}
      {asking ? (
        <RequestForm
          kind={asking}
          onRequest={(reason) => onRequest(activity.id, asking, reason)}
          onDone={() => {
            setAsking(null);
            onChanged();
          }}
        />
      ) : (
        <View className="zj-activity__actions">
          {activity.canRequestLeave ? (
            <Button size="small" variant="secondary" onClick={() => setAsking('leave')}>
              请假
            </Button>
          ) : null}
          {activity.canRequestMakeup ? (
            <Button size="small" variant="secondary" onClick={() => setAsking('makeup')}>
              申请补签
            </Button>
          ) : null}
        </View>
      )}
    </ActivityCard>
  );
}

export function MyActivities({ items, onRequest, onChanged }: { items: MyActivity[]; onRequest: OnRequest; onChanged: () => void }) {
  if (!items.length) return <Text className="zj-muted">未来三个月暂无活动安排。</Text>;
  return (
    <View>
      {items.map((activity) => (
        <ActivityItem key={activity.id} activity={activity} onRequest={onRequest} onChanged={onChanged} />
      ))}
    </View>
  );
}
