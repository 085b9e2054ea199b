import { Text, View } from '@tarojs/components';
import { ModerationInput } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { Card } from '../../../../components/Card';
import { Field } from '../../../../components/Field';
import { useAction } from '../../../../hooks/useAction';
import './questions.scss';

interface ModerationCardProps {
  kind: '问题' | '回答';
  title: string;
  author: string;
  body: string;
  moderation: 'visible' | 'held' | 'hidden';
  moderationLabel: string;
  heldLabel: string | null;
  hiddenReason: string | null;
  onModerate: (input: ModerationInput) => Promise<unknown>;
}

/** One held or hidden item: let held text through, or hide it with a reason its author reads. */
export function ModerationCard(props: ModerationCardProps) {
  const [reason, setReason] = useState('');
  const moderate = useAction(props.onModerate, {
    check: ModerationInput,
    inline: true,
    success: (_, input) => (input.action === 'release' ? '已放行' : '已隐藏'),
  });
  return (
    <Card>
      <View className="zj-qa__bar">
        <Text className="zj-qa__title">
          {props.kind}：{props.title}
        </Text>
        <Text className={`zj-qa__tag zj-qa__tag--${props.moderation}`}>{props.moderationLabel}</Text>
      </View>
      <Text className="zj-qa__line">作者：{props.author}</Text>
      <Text className="zj-qa__text">{props.body}</Text>
      {props.heldLabel ? <Text className="zj-qa__line">检测结果：{props.heldLabel}</Text> : null}
      {props.hiddenReason ? <Text className="zj-qa__line">隐藏原因：{props.hiddenReason}</Text> : null}
      {props.moderation === 'held' ? (
        <View className="zj-qa__actions">
          <Button block loading={moderate.running?.[0].action === 'release'} onClick={() => void moderate.run({ action: 'release' })}>
            放行
          </Button>
          <Field
            label="隐藏原因"
            value={reason}
            onChange={setReason}
            placeholder="作者会看到这个原因"
            maxlength={200}
            error={moderate.problems.reason}
          />
          <Button
            block
            variant="danger"
            loading={moderate.running?.[0].action === 'hide'}
            onClick={() => void moderate.run({ action: 'hide', reason: reason.trim() || undefined })}
          >
            隐藏
          </Button>
        </View>
      ) : null}
      {moderate.error ? <Text className="zj-qa__error">{moderate.error}</Text> : null}
    </Card>
  );
}
