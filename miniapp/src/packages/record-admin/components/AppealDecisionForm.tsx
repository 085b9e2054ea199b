import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { TextArea } from '../../../components/TextArea';
import type { Action } from '../../../hooks/useAction';
import { FormError } from './FormError';
import './record.scss';

/** 处理申诉: 维持扣分 or 撤销扣分, each with the reason the member will read. */
export function AppealDecisionForm({ action }: { action: Action<[{ uphold: boolean; note: string }], unknown> }) {
  const [note, setNote] = useState('');
  const running = action.running?.[0].uphold;
  return (
    <View className="zj-appeal-decision">
      <TextArea
        label="处理理由"
        value={note}
        onChange={(value) => {
          setNote(value);
          action.reset('note');
        }}
        maxlength={500}
        placeholder="党员将看到这段理由"
        error={action.problems.note}
      />
      <FormError message={action.error} />
      <View className="zj-ra__actions">
        <Button
          size="small"
          variant="danger"
          loading={running === true}
          disabled={action.busy}
          onClick={() => void action.run({ uphold: true, note })}
        >
          维持扣分
        </Button>
        <Button
          size="small"
          variant="secondary"
          loading={running === false}
          disabled={action.busy}
          onClick={() => void action.run({ uphold: false, note })}
        >
          撤销扣分
        </Button>
      </View>
    </View>
  );
}
