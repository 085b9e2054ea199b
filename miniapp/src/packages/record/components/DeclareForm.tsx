import { Image, Text, View } from '@tarojs/components';
import { BonusClaimInput, MAX_BONUS_PHOTOS, type BonusClaim, type BonusKind } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { DatePicker } from '../../../components/DatePicker';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { FieldProblems, messageOf, type Problems } from '../../../services/errors';
import type { PickedFile } from '../../../services/files';
import './record.scss';

export interface DeclareFields {
  kindKey: string;
  occurredOn: string;
  description: string;
}

/** A photo that did not go up after the claim was made, and why. */
export interface FailedPhoto {
  name: string;
  message: string;
}

export interface DeclareFormProps {
  /** The bonus kinds in force, with their ranges. */
  kinds: readonly BonusKind[];
  /** Today in Asia/Shanghai (`YYYY-MM-DD`): the day of the deed may not be after it. */
  today: string;
  onPickPhotos: (max: number) => Promise<PickedFile[]>;
  onDeclare: (input: BonusClaimInput) => Promise<BonusClaim>;
  onUploadPhoto: (claimId: number, photo: PickedFile) => Promise<unknown>;
  /** The claim is made; photos that failed can be added later from 我的记录 while it is pending. */
  onDeclared: (claim: BonusClaim, failed: FailedPhoto[]) => void;
}

function rangeOf(kind: BonusKind): string {
  return kind.minPoints === kind.maxPoints ? `${kind.minPoints} 分` : `${kind.minPoints}–${kind.maxPoints} 分`;
}

/** What the server will refuse, said beside the fields before anything is sent. */
export function declareProblems(fields: DeclareFields, today: string): Problems {
  const problems: Problems = {};
  const occurredOn = fields.occurredOn.trim();
  const parsed = BonusClaimInput.safeParse({ ...fields, occurredOn });
  if (!parsed.success) for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? '')] ??= issue.message;
  // Both are YYYY-MM-DD once the format passed: the strings compare as the days do.
  if (!problems.occurredOn && occurredOn > today) problems.occurredOn = '事迹日期不能晚于今天';
  return problems;
}

/**
 * 申报加分: a kind from the association's list (its range beside it), the day, what was done, and
 * up to nine photos. The claim is made first; the photos then go up one by one, since they belong
 * to it — a photo that fails leaves the claim made, and says so.
 */
export function DeclareForm({ kinds, today, onPickPhotos, onDeclare, onUploadPhoto, onDeclared }: DeclareFormProps) {
  const [fields, setFields] = useState<DeclareFields>({ kindKey: '', occurredOn: today, description: '' });
  const [photos, setPhotos] = useState<PickedFile[]>([]);
  const [photoNote, setPhotoNote] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);

  const submit = useAction(
    async () => {
      const claim = await onDeclare({
        kindKey: fields.kindKey,
        occurredOn: fields.occurredOn.trim(),
        description: fields.description.trim(),
      });
      const failed: FailedPhoto[] = [];
      for (const [index, photo] of photos.entries()) {
        setProgress(`申报已提交，正在上传照片 ${index + 1}/${photos.length}…`);
        try {
          await onUploadPhoto(claim.id, photo);
        } catch (error) {
          failed.push({ name: photo.name, message: messageOf(error) });
        }
      }
      setProgress(null);
      onDeclared(claim, failed);
    },
    {
      inline: true,
      validate: () => {
        const problems = declareProblems(fields, today);
        if (Object.keys(problems).length) throw new FieldProblems(problems, '还有内容未填写完整');
      },
    },
  );

  const addPhotos = useAction(async () => {
    const room = MAX_BONUS_PHOTOS - photos.length;
    if (room <= 0) return;
    const picked = await onPickPhotos(room);
    setPhotoNote(picked.length > room ? `每条申报最多 ${MAX_BONUS_PHOTOS} 张照片，多选的 ${picked.length - room} 张未添加` : null);
    setPhotos((list) => [...list, ...picked].slice(0, MAX_BONUS_PHOTOS));
  });

  function set<K extends keyof DeclareFields>(key: K, value: DeclareFields[K]) {
    setFields((current) => ({ ...current, [key]: value }));
    submit.reset(key);
  }

  const problems = submit.problems;
  const chosen = kinds.find((kind) => kind.key === fields.kindKey);

  return (
    <View className="zj-declare">
      <Card>
        <Chips
          label="加分项目"
          options={kinds.map((kind) => ({ value: kind.key, label: `${kind.name}（${rangeOf(kind)}）` }))}
          value={fields.kindKey || null}
          error={problems.kindKey}
          onChange={(value) => set('kindKey', value)}
        />
        {chosen ? (
          <Text className="zj-declare__hint">
            「{chosen.name}」由本单位党务工作者认定，在 {rangeOf(chosen)} 之间给分。
          </Text>
        ) : null}
        <DatePicker
          label="事迹日期"
          value={fields.occurredOn}
          end={today}
          hint="不能晚于今天"
          error={problems.occurredOn}
          onChange={(value) => set('occurredOn', value)}
        />
        <TextArea
          label="事迹说明"
          name="description"
          rows="tall"
          value={fields.description}
          maxlength={1000}
          placeholder="做了什么、在哪里、有什么成效（至少 5 个字）"
          error={problems.description}
          onChange={(value) => set('description', value)}
        />
      </Card>

      <Card title={`照片（${photos.length}/${MAX_BONUS_PHOTOS}）`}>
        <View className="zj-declare__photos">
          {photos.map((photo, index) => (
            <View key={`${photo.path}-${index}`} className="zj-declare__photo">
              <Image className="zj-declare__image" src={photo.path} mode="aspectFill" />
              <View
                className="zj-declare__remove"
                ariaRole="button"
                ariaLabel={`删除照片 ${index + 1}`}
                onClick={() => setPhotos((list) => list.filter((_, at) => at !== index))}
              >
                ×
              </View>
            </View>
          ))}
        </View>
        {photoNote ? <Text className="zj-declare__warning">{photoNote}</Text> : null}
        <Text className="zj-declare__hint">可选。拍照或从相册选择，每张不超过 5 MB，上传时去除位置信息；提交申报后上传。</Text>
        <Button
          size="small"
          variant="secondary"
          disabled={photos.length >= MAX_BONUS_PHOTOS || submit.busy}
          loading={addPhotos.busy}
          onClick={() => void addPhotos.run()}
        >
          添加照片
        </Button>
      </Card>

      {submit.error ? <Text className="zj-declare__error">{submit.error}</Text> : null}
      {progress ? <Text className="zj-declare__hint">{progress}</Text> : null}
      <Button block loading={submit.busy} onClick={() => void submit.run()}>
        提交申报
      </Button>
    </View>
  );
}
