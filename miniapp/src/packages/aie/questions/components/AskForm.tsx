import { Text, View } from '@tarojs/components';
import type { QuestionInput } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../../components/Button';
import { Field } from '../../../../components/Field';
import { TextArea } from '../../../../components/TextArea';
import type { Action } from '../../../../hooks/useAction';
import './questions.scss';

export type AskValue = z.input<typeof QuestionInput>;

/** Tags as typed: split on spaces and commas (either width), blanks dropped, each once. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[\s,，、]+/).filter(Boolean))];
}

/** 提问: a title, what is unclear, a few tags. */
export function AskForm({ action }: { action: Action<[AskValue], unknown> }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  return (
    <View className="zj-qa__actions">
      <Field
        label="标题"
        value={title}
        onChange={setTitle}
        placeholder="一句话说明问题（至少 4 个字）"
        maxlength={60}
        error={action.problems.title}
      />
      <TextArea
        label="问题描述"
        value={body}
        onChange={setBody}
        placeholder="遇到了什么情况、想知道什么（至少 5 个字）"
        maxlength={2000}
        error={action.problems.body}
      />
      <Field label="标签" value={tags} onChange={setTags} placeholder="用空格分隔，如：组织关系 党费" error={action.problems.tags} />
      {action.error ? <Text className="zj-qa__error">{action.error}</Text> : null}
      <Button
        block
        loading={action.busy}
        onClick={() =>
          void action.run({ title, body, tags: parseTags(tags) }).then((done) => {
            if (done === undefined) return;
            setTitle('');
            setBody('');
            setTags('');
          })
        }
      >
        提问
      </Button>
    </View>
  );
}
