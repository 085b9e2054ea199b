import { Text, View } from '@tarojs/components';
import { AppealInput, deductionRefusals, isRefusal, type Deduction } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../utils/format';
import './record.scss';

export interface AppealFormProps {
  deduction: Deduction;
  onAppeal: (text: string) => Promise<Deduction>;
  onAppealed: (deduction: Deduction) => void;
}

/** Why this deduction can no longer be appealed, in the member's terms. */
function closedReason(deduction: Deduction, deadline: string): string {
  if (deduction.appeal) return `已于 ${formatDateTime(deduction.appeal.at)} 提出申诉，每条扣分只能申诉一次。`;
  if (deduction.phase === 'withdrawn') return '该扣分已撤销，无需申诉。';
  return `申诉期已于 ${formatDateTime(deadline)} 截止，扣分已生效。`;
}

/**
 * 申诉: once, before the deadline the server set (recorded + 7 days), with the reason in 5–1000
 * characters. The deadline is always shown; once it has passed — by the server's clock, which may
 * say so only when the appeal arrives — the form gives way to why it is closed.
 */
export function AppealForm({ deduction, onAppeal, onAppealed }: AppealFormProps) {
  const [text, setText] = useState('');
  /** The deadline as the server last stated it (a refusal carries it too). */
  const [closedAt, setClosedAt] = useState<string | null>(null);
  const appeal = useAction(
    async (input: { text: string }) => {
      try {
        onAppealed(await onAppeal(input.text));
      } catch (error) {
        if (isRefusal(error, deductionRefusals.appeal_window_closed)) setClosedAt(error.details.appealDeadline);
        throw error;
      }
    },
    {
      check: AppealInput,
      inline: true,
      confirm: { title: '提交申诉', content: '每条扣分只能申诉一次，提交后不能修改。确定提交吗？', confirmText: '提交' },
    },
  );
  const deadline = closedAt ?? deduction.appealDeadline;
  const open = deduction.appealable && closedAt === null;

  return (
    <View className="zj-appeal">
      <Text className={`zj-appeal__deadline${open ? '' : ' zj-appeal__deadline--closed'}`}>申诉截止：{formatDateTime(deadline)}</Text>
      {open ? (
        <View>
          <TextArea
            label="申诉理由"
            name="text"
            rows="tall"
            value={text}
            maxlength={1000}
            placeholder="请说明事实和理由（至少 5 个字），党务工作者将维持或撤销该扣分并说明理由"
            error={appeal.problems.text}
            onChange={(value) => {
              setText(value);
              appeal.reset('text');
            }}
          />
          {appeal.error ? <Text className="zj-declare__error">{appeal.error}</Text> : null}
          <Button block loading={appeal.busy} onClick={() => void appeal.run({ text })}>
            提交申诉
          </Button>
        </View>
      ) : (
        <View className="zj-appeal__closed">
          <Text>{closedReason(deduction, deadline)}</Text>
        </View>
      )}
    </View>
  );
}
