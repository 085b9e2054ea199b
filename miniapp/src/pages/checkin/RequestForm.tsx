import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { api, call } from '../../services/api';
import { messageOf } from '../../services/errors';

/** 请假 before the start or 补签 after the window: a reason, then the organiser decides. */
export function RequestForm({ activityId, kind, onDone }: { activityId: number; kind: 'leave' | 'makeup'; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const label = kind === 'leave' ? '请假' : '补签';

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      await call(kind === 'leave' ? api.checkins.requestLeave : api.checkins.requestMakeup, {
        params: { id: activityId },
        body: { reason },
      });
      void Taro.showToast({ title: `${label}申请已提交`, icon: 'success' });
      onDone();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="zj-request-form">
      <Field
        label={`${label}原因`}
        value={reason}
        onChange={setReason}
        placeholder={kind === 'leave' ? '如：出差在外地' : '如：手机没电，已全程参加'}
        error={error}
        maxlength={200}
      />
      <Button size="small" loading={busy} disabled={reason.trim().length < 2} onClick={() => void submit()}>
        提交{label}申请
      </Button>
    </View>
  );
}
