import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, type AttendanceResult, type VolunteerActivity } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { useAction } from '../../../../hooks/useAction';
import { mySignUpText } from './ActivityCard';
import { CodeEntry } from './CodeEntry';
import './volunteer.scss';

interface SignUpPanelProps {
  activity: VolunteerActivity;
  /** The server's clock is the judge; this only decides which buttons to offer. */
  now: Date;
  onSignUp: () => Promise<unknown>;
  onCancel: () => Promise<unknown>;
  onAttend: (token: string) => Promise<AttendanceResult>;
  onScan: (() => Promise<string | null>) | null;
  onShowCard: () => void;
  onChanged: () => void;
}

/**
 * The member's side of one activity: sign up (a place or the waitlist), cancel before the start,
 * where they stand in the queue, and on the day: scan the activity's code or show the card's QR.
 */
export function SignUpPanel({ activity, now, onSignUp, onCancel, onAttend, onScan, onShowCard, onChanged }: SignUpPanelProps) {
  const [result, setResult] = useState<AttendanceResult | null>(null);
  const signUp = useAction(
    async () => {
      await onSignUp();
      onChanged();
    },
    { success: activity.placesLeft > 0 ? '报名成功' : '已加入候补名单' },
  );
  const cancel = useAction(
    async () => {
      await onCancel();
      onChanged();
    },
    { confirm: { title: '取消报名', content: '取消后名额将让给候补的党员，确定取消吗？' }, success: '已取消报名' },
  );
  const attend = useAction(
    async (token: string) => {
      const answer = await onAttend(token);
      setResult(answer);
      onChanged();
    },
    { inline: true },
  );

  // Once the activity is called off there is nothing to do here: the reason is shown above.
  if (activity.cancelledAt) return null;
  const mine = activity.mySignUp && activity.mySignUp.status !== 'cancelled' ? activity.mySignUp : null;
  const started = now >= new Date(activity.startsAt);
  const status = mySignUpText(activity);
  return (
    <View className="zj-vol__actions">
      {status ? (
        <Text className={`zj-vol__tag zj-vol__tag--${mine!.status}`} data-testid="my-sign-up">
          {status}
          {mine!.status === 'waitlisted' ? '：有人取消时按顺序递补，递补后会通知你' : ''}
          {mine!.points ? ` · 公益积分 +${mine!.points}` : ''}
        </Text>
      ) : null}
      {!mine && activity.open ? (
        <Button block loading={signUp.busy} onClick={() => void signUp.run()}>
          {activity.placesLeft > 0 ? '报名参加' : '名额已满，报名候补'}
        </Button>
      ) : null}
      {!mine && !activity.open ? (
        <Text className="zj-vol__line">报名已于 {formatShanghaiDateTime(new Date(activity.signUpDeadline))} 截止</Text>
      ) : null}
      {mine && !mine.attendedAt && !started ? (
        <Button block variant="secondary" loading={cancel.busy} onClick={() => void cancel.run()}>
          取消报名
        </Button>
      ) : null}
      {mine?.status === 'confirmed' && !mine.attendedAt ? (
        <View className="zj-vol__actions">
          <Text className="zj-vol__line">活动当天：扫描现场的活动签到码，或出示党员卡身份码由组织者扫码。</Text>
          <CodeEntry
            label="活动签到码"
            placeholder="输入或粘贴组织者屏幕上二维码下方的签到码"
            submitLabel="签到"
            onScan={onScan}
            onSubmit={(token) => attend.run(token)}
            busy={attend.busy}
          />
          <Button block variant="plain" onClick={onShowCard}>
            出示我的党员卡身份码
          </Button>
        </View>
      ) : null}
      {attend.error ? <Text className="zj-vol__error">{attend.error}</Text> : null}
      {result ? <Text className="zj-vol__result">{result.message}</Text> : null}
    </View>
  );
}
