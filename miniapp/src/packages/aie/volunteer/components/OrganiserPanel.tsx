import { Text, View } from '@tarojs/components';
import { CancelVolunteerActivityInput, type VolunteerActivity } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { Card } from '../../../../components/Card';
import { TextArea } from '../../../../components/TextArea';
import { useAction } from '../../../../hooks/useAction';
import './volunteer.scss';

interface OrganiserPanelProps {
  activity: VolunteerActivity;
  /** The server's clock is the judge; this only decides which buttons to offer. */
  now: Date;
  onEdit: () => void;
  onCancelActivity: (reason: string) => Promise<unknown>;
  onRoster: () => void;
  onCode: () => void;
  onChanged: () => void;
}

/**
 * The organiser's side of one activity: the roster and the code, and until it starts 编辑 and
 * 取消活动 (a reason members will read, then a question before it goes).
 */
export function OrganiserPanel({ activity, now, onEdit, onCancelActivity, onRoster, onCode, onChanged }: OrganiserPanelProps) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const live = activity.places - activity.placesLeft + activity.waitlistCount;
  const cancel = useAction(
    async ({ reason: text }: { reason: string }) => {
      await onCancelActivity(text);
      setCancelling(false);
      onChanged();
    },
    {
      check: CancelVolunteerActivityInput,
      inline: true,
      confirm: {
        title: '取消活动',
        content: live ? `将通知已报名和候补的 ${live} 名党员，取消后不能恢复。确定取消吗？` : '取消后不能恢复，确定取消吗？',
        confirmText: '取消活动',
        cancelText: '再想想',
      },
      success: '活动已取消',
    },
  );
  const changeable = !activity.cancelledAt && now < new Date(activity.startsAt);
  return (
    <View className="zj-vol__actions" data-testid="organiser-panel">
      {changeable ? (
        <View className="zj-vol__split">
          <Button variant="secondary" onClick={onEdit}>
            编辑
          </Button>
          <Button variant="danger" onClick={() => setCancelling(true)}>
            取消活动
          </Button>
        </View>
      ) : null}
      {changeable && cancelling ? (
        <Card title="取消活动">
          <TextArea
            label="取消原因"
            value={reason}
            onChange={(text) => {
              setReason(text);
              cancel.reset('reason');
            }}
            placeholder="如：暴雨预警，活动取消（报名的党员会看到）"
            maxlength={200}
            error={cancel.problems.reason}
          />
          {cancel.error ? <Text className="zj-vol__error">{cancel.error}</Text> : null}
          <View className="zj-vol__actions">
            <Button block variant="danger" loading={cancel.busy} onClick={() => void cancel.run({ reason })}>
              确认取消活动
            </Button>
            <Button block variant="plain" onClick={() => setCancelling(false)}>
              不取消
            </Button>
          </View>
        </Card>
      ) : null}
      <Button block variant="secondary" onClick={onRoster}>
        报名名单与扫码签到
      </Button>
      {activity.cancelledAt ? null : (
        <Button block variant="secondary" onClick={onCode}>
          显示活动签到码
        </Button>
      )}
    </View>
  );
}
