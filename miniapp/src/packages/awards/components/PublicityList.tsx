import { Text, View } from '@tarojs/components';
import { ObjectionInput, type AwardPublicity } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { formatDateTime } from '../../../utils/format';
import './awards.scss';

type Winner = AwardPublicity['winners'][number];

/** One winner in the 公示, with an objection form while objections are open. */
export function PublicityWinner({
  winner,
  objectionsOpen,
  onObject,
}: {
  winner: Winner;
  objectionsOpen: boolean;
  onObject: (candidateId: number, text: string) => Promise<unknown>;
}) {
  const [writing, setWriting] = useState(false);
  const [text, setText] = useState('');
  const object = useAction(
    async (input: { text: string }) => {
      await onObject(winner.candidateId, input.text);
      setText('');
      setWriting(false);
    },
    { check: ObjectionInput, inline: true, success: '异议已提交，秘书处将答复' },
  );
  return (
    <View className="zj-award__winner">
      <View className="zj-award__head">
        <Text className="zj-award__name">{winner.name}</Text>
        <Text className="zj-award__tag">{winner.awardLabel}</Text>
      </View>
      {winner.award === 'unit' ? null : <Text className="zj-award__meta">{winner.unitName}</Text>}
      {objectionsOpen && !writing ? (
        <View className="zj-award__actions">
          <Button size="small" variant="plain" onClick={() => setWriting(true)}>
            提出异议
          </Button>
        </View>
      ) : null}
      {objectionsOpen && writing ? (
        <View>
          <TextArea
            name="objection"
            label="异议内容"
            value={text}
            maxlength={1000}
            placeholder="请写明事实和理由（5–1000 字），仅秘书处可见"
            error={object.problems.text}
            onChange={(value) => {
              setText(value);
              object.reset('text');
            }}
          />
          {object.error ? <Text className="zj-award__error">{object.error}</Text> : null}
          <View className="zj-award__actions">
            <Button size="small" loading={object.busy} onClick={() => void object.run({ text })}>
              提交异议
            </Button>
            <Button size="small" variant="plain" onClick={() => setWriting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** A year's list: in 公示 with its end, or published. */
export function PublicityList({
  publicity,
  onObject,
}: {
  publicity: AwardPublicity;
  onObject: (candidateId: number, text: string) => Promise<unknown>;
}) {
  const note = publicity.objectionsOpen
    ? `公示至 ${formatDateTime(publicity.publicityEndsAt!)}，如有异议请在公示期内提出`
    : publicity.status === 'publicity'
      ? '公示期已结束，秘书处正在处理异议'
      : '已发布';
  return (
    <Card title={`${publicity.year} 年度评优${publicity.status === 'published' ? '结果' : '公示'}`}>
      <Text className="zj-award__note">{note}</Text>
      {publicity.winners.map((winner) => (
        <PublicityWinner key={winner.candidateId} winner={winner} objectionsOpen={publicity.objectionsOpen} onObject={onObject} />
      ))}
    </Card>
  );
}
