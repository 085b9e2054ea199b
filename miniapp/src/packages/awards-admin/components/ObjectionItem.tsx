import { Text, View } from '@tarojs/components';
import { ObjectionAnswerInput, type AwardObjection } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../utils/format';
import '../../awards/components/awards.scss';

/** An objection to a winner and the secretariat's answer (one, final). */
export function ObjectionItem({ objection, onAnswer }: { objection: AwardObjection; onAnswer: (answer: string) => Promise<unknown> }) {
  const [answer, setAnswer] = useState('');
  const send = useAction(async (input: { answer: string }) => onAnswer(input.answer), {
    check: ObjectionAnswerInput,
    inline: true,
    success: '已答复',
  });
  return (
    <View className="zj-award__winner">
      <View className="zj-award__head">
        <Text className="zj-award__name">
          {objection.candidateName}（{objection.awardLabel}）
        </Text>
        <Text className="zj-award__meta">
          {objection.objector} · {formatDateTime(objection.createdAt)}
        </Text>
      </View>
      <Text className="zj-award__note">{objection.text}</Text>
      {objection.answer !== null ? (
        <Text className="zj-award__note">答复：{objection.answer}</Text>
      ) : (
        <View>
          <TextArea
            name="answer"
            label="答复"
            value={answer}
            maxlength={1000}
            placeholder="写下核实情况和答复"
            error={send.problems.answer}
            onChange={(value) => {
              setAnswer(value);
              send.reset('answer');
            }}
          />
          {send.error ? <Text className="zj-award__error">{send.error}</Text> : null}
          <Button size="small" loading={send.busy} onClick={() => void send.run({ answer })}>
            答复
          </Button>
        </View>
      )}
    </View>
  );
}
