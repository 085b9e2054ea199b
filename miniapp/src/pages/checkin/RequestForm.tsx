import { View } from '@tarojs/components';
import type { RequestKind } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/useAction';

/** 请假 before the start or 补签 after the window: a reason, then the organiser decides. */
export function RequestForm({
  kind,
  onRequest,
  onDone,
}: {
  kind: z.output<typeof RequestKind>;
  onRequest: (reason: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const label = kind === 'leave' ? '请假' : '补签';
  const request = useAction(
    async () => {
      await onRequest(reason);
      onDone();
    },
    { success: `${label}申请已提交`, inline: true },
  );

  return (
    <View className="zj-request-form">
      <Field
        label={`${label}原因`}
        value={reason}
        onChange={setReason}
        placeholder={kind === 'leave' ? '如：出差在外地' : '如：手机没电，已全程参加'}
        error={request.error ?? undefined}
        maxlength={200}
      />
      <Button size="small" loading={request.busy} disabled={reason.trim().length < 2} onClick={() => void request.run()}>
        提交{label}申请
      </Button>
    </View>
  );
}
