import { Text, View } from '@tarojs/components';
import {
  LETTER_ANONYMITY_NOTE,
  LETTER_KIND_LABELS,
  LETTER_KINDS,
  LETTER_RECIPIENT_LABELS,
  LetterInput,
  LETTERS_PER_DAY,
  MAX_LETTER_PHOTOS,
  type Letter,
  type LetterPhoto,
  type LetterKind,
  type LetterRecipient,
} from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { AuthedImage } from '../../../components/submissions/AuthedImage';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { FieldProblems, type Problems } from '../../../services/errors';
import './letters.scss';

export interface LetterFormProps {
  /** Whether the writer is on a unit's roster: without one, only the secretariat can be written to. */
  hasUnit: boolean;
  onWrite: (input: LetterInput) => Promise<Letter>;
  onWritten: (letter: Letter) => void;
  /** Picks and uploads up to `max` photos; they go with the letter. Without it the form takes none. */
  onAddPhotos?: (max: number) => Promise<LetterPhoto[]>;
  /** Deletes an uploaded photo taken out of the form, so it does not wait on the server as unsent. */
  onRemovePhoto?: (id: number) => Promise<unknown>;
  /** Where an uploaded photo is shown from. */
  photoUrl?: (id: number) => string;
}

interface Fields {
  recipient: LetterRecipient;
  kind: LetterKind | null;
  body: string;
  anonymous: boolean;
  photos: LetterPhoto[];
}

function problemsOf(fields: Fields): Problems {
  const problems: Problems = {};
  const parsed = LetterInput.safeParse({ ...fields, kind: fields.kind ?? undefined, photoIds: fields.photos.map((p) => p.id) });
  if (!parsed.success) for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? '')] ??= issue.message;
  if (fields.kind === null) problems.kind = '请选择类别';
  return problems;
}

/**
 * 写信: to the unit's secretary or the secretariat, a kind, 5–1000 characters, up to three photos,
 * and the choice not to show one's name — with exactly what that means said under it.
 */
export function LetterForm({ hasUnit, onWrite, onWritten, onAddPhotos, onRemovePhoto, photoUrl }: LetterFormProps) {
  const [fields, setFields] = useState<Fields>({
    recipient: hasUnit ? 'secretary' : 'secretariat',
    kind: null,
    body: '',
    anonymous: false,
    photos: [],
  });
  const submit = useAction(
    async () => {
      const letter = await onWrite({
        recipient: fields.recipient,
        kind: fields.kind!,
        body: fields.body.trim(),
        anonymous: fields.anonymous,
        photoIds: fields.photos.map((photo) => photo.id),
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
  const addPhotos = useAction(async () => {
    if (!onAddPhotos) return;
    const added = await onAddPhotos(MAX_LETTER_PHOTOS - fields.photos.length);
    setFields((current) => ({ ...current, photos: [...current.photos, ...added].slice(0, MAX_LETTER_PHOTOS) }));
  });
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
        {onAddPhotos ? (
          <View className="zj-letter-form__photos">
            <Text className="zj-letter-form__label">照片（选填，最多 {MAX_LETTER_PHOTOS} 张，仅收信人可见）</Text>
            <View className="zj-letter-form__thumbs">
              {fields.photos.map((photo) => (
                <View key={photo.id} className="zj-letter-form__thumb">
                  {photoUrl ? <AuthedImage src={photoUrl(photo.id)} /> : null}
                  <View
                    className="zj-letter-form__remove"
                    ariaRole="button"
                    ariaLabel="移除照片"
                    onClick={() => {
                      set(
                        'photos',
                        fields.photos.filter((p) => p.id !== photo.id),
                      );
                      // Out of the letter at once; should the deletion fail (no signal), the server
                      // stops counting the photo as unsent after a day, so nothing waits on it.
                      void onRemovePhoto?.(photo.id).catch(() => undefined);
                    }}
                  >
                    ×
                  </View>
                </View>
              ))}
              {fields.photos.length < MAX_LETTER_PHOTOS ? (
                <Button size="small" variant="secondary" loading={addPhotos.busy} onClick={() => void addPhotos.run()}>
                  添加照片
                </Button>
              ) : null}
            </View>
          </View>
        ) : null}
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
