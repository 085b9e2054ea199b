import { Text, View } from '@tarojs/components';
import { LETTER_MAX_EXTENSION_DAYS, LetterExtensionInput, LetterReplyInput, type Letter } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import '../../letters/components/letters.scss';

export interface HandleLetterProps {
  letter: Letter;
  onAccept: () => Promise<Letter>;
  onReply: (body: string) => Promise<Letter>;
  onExtend: (input: LetterExtensionInput) => Promise<Letter>;
  onChanged: (letter: Letter) => void;
}

const EXTENSION_DAYS = [3, 5, LETTER_MAX_EXTENSION_DAYS].map((days) => ({ value: days, label: `${days} 个工作日` }));

/**
 * The reader's part: accept (受理), reply (which accepts too), and one extension with a reason the
 * writer sees. Nothing here names an anonymous writer: the letter came without the name.
 */
export function HandleLetter({ letter, onAccept, onReply, onExtend, onChanged }: HandleLetterProps) {
  const [reply, setReply] = useState('');
  const [days, setDays] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [extending, setExtending] = useState(false);
  const accept = useAction(async () => onChanged(await onAccept()), { success: '已受理' });
  const answer = useAction(
    async (input: { body: string }) => {
      onChanged(await onReply(input.body));
      setReply('');
    },
    { check: LetterReplyInput, inline: true, success: '已回复' },
  );
  const extend = useAction(
    async (input: LetterExtensionInput) => {
      onChanged(await onExtend(input));
      setExtending(false);
    },
    { check: LetterExtensionInput, inline: true, success: '已延期' },
  );
  const open = ['pending', 'accepted', 'reopened'].includes(letter.status);
  if (!open) return null;
  const heldReply = letter.replies.some((r) => r.held);

  return (
    <View className="zj-letter__actions">
      {letter.status === 'pending' ? (
        <Button block variant="secondary" loading={accept.busy} onClick={() => void accept.run()}>
          受理
        </Button>
      ) : null}
      {heldReply ? (
        <Text className="zj-letter-form__note">回复正在内容审核中，审核通过后送达写信人。</Text>
      ) : (
        <Card title={letter.status === 'reopened' ? '复审答复' : '答复'}>
          <TextArea
            name="reply"
            rows="tall"
            value={reply}
            maxlength={2000}
            placeholder="写下答复（5–2000 字），写信人会收到通知"
            error={answer.problems.body}
            onChange={(value) => {
              setReply(value);
              answer.reset('body');
            }}
          />
          {answer.error ? <Text className="zj-letter-form__error">{answer.error}</Text> : null}
          <Button block loading={answer.busy} onClick={() => void answer.run({ body: reply })}>
            发送答复
          </Button>
        </Card>
      )}
      {letter.status !== 'pending' && !letter.extension ? (
        extending ? (
          <Card title="延期答复（仅一次）">
            <Chips label="延期" options={EXTENSION_DAYS} value={days} error={extend.problems.days} onChange={setDays} />
            <Field
              label="延期理由"
              name="reason"
              value={reason}
              maxlength={200}
              placeholder="写信人可以看到理由"
              error={extend.problems.reason}
              onChange={setReason}
            />
            {extend.error ? <Text className="zj-letter-form__error">{extend.error}</Text> : null}
            <Button block variant="secondary" loading={extend.busy} onClick={() => void extend.run({ days: days ?? 0, reason })}>
              确认延期
            </Button>
          </Card>
        ) : (
          <Button block variant="plain" onClick={() => setExtending(true)}>
            申请延期
          </Button>
        )
      ) : null}
    </View>
  );
}
