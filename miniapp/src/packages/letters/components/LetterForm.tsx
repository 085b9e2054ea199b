import { Text, View } from '@tarojs/components';
import {
  LETTER_ANONYMITY_NOTE,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  LETTER_RECIPIENT_LABELS,
  LetterInput,
  LETTERS_PER_DAY,
  type Letter,
  type LetterKind,
  type LetterRecipient,
} from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { FieldProblems, type Problems } from '../../../services/errors';
import './letters.scss';

export interface LetterFormProps {
  /** Whether the writer is on a unit's roster: without one, only the secretariat can be written to. */
  hasUnit: boolean;
  onWrite: (input: LetterInput) => Promise<Letter>;
  onWritten: (letter: Letter) => void;
}

interface Fields {
  recipient: LetterRecipient;
  kind: LetterKind | null;
  body: string;
  anonymous: boolean;
}

function problemsOf(fields: Fields): Problems {
  const problems: Problems = {};
  const parsed = LetterInput.safeParse({ ...fields, kind: fields.kind ?? undefined });
  if (!parsed.success) for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? '')] ??= issue.message;
  if (fields.kind === null) problems.kind = '请选择类别';
  return problems;
}

/**
 * 写信: to the unit's secretary or the secretariat, a kind, 5–1000 characters, and the choice not
 * to show one's name — with exactly what that means said under it.
 */
export function LetterForm({ hasUnit, onWrite, onWritten }: LetterFormProps) {
  const [fields, setFields] = useState<Fields>({
    recipient: hasUnit ? 'secretary' : 'secretariat',
    kind: null,
    body: '',
    anonymous: false,
  });
  const submit = useAction(
    async () => {
      const letter = await onWrite({
        recipient: fields.recipient,
        kind: fields.kind!,
        body: fields.body.trim(),
        anonymous: fields.anonymous,
      });
      onWritten(letter);
    },
    {
      inline: true,
      validate: () => {
        const problems = problemsOf(fields);
        if (Object.keys(problems).length) throw new FieldProblems(problems, '还有内容未填写完整');
      },
    },
  );
  function set<K extends keyof Fields>(key: K, value: Fields[K]) {
    setFields((current) => ({ ...current, [key]: value }));
    submit.reset(key);
  }
  const recipients = (hasUnit ? (['secretary', 'secretariat'] as const) : (['secretariat'] as const)).map((value) => ({
    value,
    label: LETTER_RECIPIENT_LABELS[value],
  }));
  const problems = submit.problems;

  return (
    <View className="zj-letter-form">
      <Card>
        <Chips label="写给" options={recipients} value={fields.recipient} onChange={(value) => set('recipient', value)} />
        <Chips
          label="类别"
          options={LETTER_KINDS.map((value) => ({ value, label: LETTER_KIND_LABELS[value] }))}
          value={fields.kind}
          error={problems.kind}
          onChange={(value) => set('kind', value)}
        />
        <TextArea
          label="内容"
          name="body"
          rows="tall"
          value={fields.body}
          maxlength={1000}
          placeholder="写下您的建议、反映的问题或需要的帮助（5–1000 字）"
          error={problems.body}
          onChange={(value) => set('body', value)}
        />
        <View
          className={`zj-letter-form__anon${fields.anonymous ? ' zj-letter-form__anon--on' : ''}`}
          ariaRole="checkbox"
          ariaLabel="不向书记显示我的姓名"
          onClick={() => set('anonymous', !fields.anonymous)}
        >
          <Text className="zj-letter-form__box">{fields.anonymous ? '✓' : ''}</Text>
          <Text className="zj-letter-form__anon-label">不向书记显示我的姓名</Text>
        </View>
        <Text className="zj-letter-form__note">{LETTER_ANONYMITY_NOTE}</Text>
      </Card>
      <Text className="zj-letter-form__note">
        受理时限 2 个工作日，受理后 10 个工作日内答复（节假日按国家公布的放假调休安排顺延）。每人每天最多写 {LETTERS_PER_DAY} 封。
      </Text>
      {submit.error ? <Text className="zj-letter-form__error">{submit.error}</Text> : null}
      <Button block loading={submit.busy} onClick={() => void submit.run()}>
        提交
      </Button>
    </View>
  );
}
