import { Text, View } from '@tarojs/components';
import {
  CALL_KIND_LABELS,
  ENTRY_TEXT_LIMITS,
  UPLOAD_LIMITS,
  type Call,
  type Entry,
  type EntryFile,
  type EntryChanges,
  type Topic,
} from '@zhijian/shared';
import { useRef, useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import { AuthedImage } from '../../../components/submissions/AuthedImage';
import { useAction } from '../../../hooks/useAction';
import { FieldProblems, messageOf } from '../../../services/errors';
import { pickAttachment, pickImages, type PickedFile } from '../../../services/files';
import { formatDateTime } from '../../../utils/format';
import { useAutosave } from './useAutosave';
import { entryProblems, type EntryFields } from './validateEntry';
import './EntryForm.scss';

/** A file on its way up: its name, how far it got, or why it failed. */
interface Upload {
  key: string;
  name: string;
  progress: number;
  error: string | null;
}

/** What a save sends: the fields, and for an entry already saved, the version it changes. */
export type EntryDraft = z.input<typeof EntryChanges>;

export interface EntryFormProps {
  call: Call;
  /** The entry being edited; null for a new one (created on the first save). */
  entry: Entry | null;
  topics?: Topic[];
  defaultContactName?: string;
  /** The filler's own phone, prefilled for a new entry. */
  defaultContactPhone?: string;
  /** Saves the draft: creates it (`entryId` null) or changes it; answers the entry as saved. */
  /** `onQueued` is called when the save waits in the outbox (no network) rather than being sent. */
  onSave: (entryId: number | null, draft: EntryDraft, onQueued: () => void) => Promise<Entry>;
  /** Uploads one picked file to the entry, reporting progress in percent. */
  onUpload: (entryId: number, kind: EntryFile['kind'], file: PickedFile, onProgress: (percent: number) => void) => Promise<EntryFile>;
  onRemoveFile: (file: EntryFile) => Promise<unknown>;
  /** Submits the saved entry; answers it as submitted. */
  onSubmit: (entryId: number) => Promise<Entry>;
  onSubmitted: (entry: Entry) => void;
  /** Where an uploaded file is read (members only). */
  fileUrl: (fileId: number) => string;
  autosaveDelayMs?: number;
}

function fieldsOf(entry: Entry | null, contactName: string, contactPhone: string): EntryFields {
  return {
    title: entry?.title ?? '',
    category: entry?.category ?? null,
    summary: entry?.summary ?? '',
    body: entry?.body ?? '',
    contactName: entry?.contactName ?? contactName,
    contactPhone: entry?.contactPhone ?? contactPhone,
    topicId: entry?.topic?.id ?? null,
  };
}

let uploadSequence = 0;

/**
 * The entry form, made for a phone: text fields that save themselves a moment after typing stops,
 * photos from the camera or the album uploaded one by one with their progress, attachments, and a
 * submit that first checks what the server will check.
 */
export function EntryForm({
  call,
  entry: initial,
  topics = [],
  defaultContactName = '',
  defaultContactPhone = '',
  onSave,
  onUpload,
  onRemoveFile,
  onSubmit,
  onSubmitted,
  fileUrl,
  autosaveDelayMs = 1500,
}: EntryFormProps) {
  const [fields, setFields] = useState<EntryFields>(() => fieldsOf(initial, defaultContactName, defaultContactPhone));
  const [images, setImages] = useState<EntryFile[]>(initial?.images ?? []);
  const [attachments, setAttachments] = useState<EntryFile[]>(initial?.attachments ?? []);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const saved = useRef<{ id: number; version: number } | null>(initial ? { id: initial.id, version: initial.version } : null);
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;

  const body = () => {
    const f = fieldsRef.current;
    return {
      title: f.title,
      category: f.category,
      summary: f.summary,
      body: f.body,
      contactName: f.contactName,
      contactPhone: f.contactPhone.trim(),
      ...(call.kind === 'research' ? { topicId: f.topicId } : {}),
    };
  };

  /** Creates the draft on the first save; later saves name the version they change. */
  async function save(): Promise<void> {
    const current = saved.current;
    const result = current
      ? await onSave(current.id, { ...body(), version: current.version }, () => autosave.queued())
      : await onSave(null, body(), () => autosave.queued());
    saved.current = { id: result.id, version: result.version };
  }

  const autosave = useAutosave(save, autosaveDelayMs);

  /** Files need an entry to belong to: a new one is saved as a draft first. */
  async function entryId(): Promise<number> {
    if (!saved.current) {
      autosave.changed();
      await autosave.flush();
    }
    return saved.current!.id;
  }

  async function upload(kind: EntryFile['kind'], files: PickedFile[]) {
    if (files.length === 0) return;
    const id = await entryId();
    for (const file of files) {
      const key = `u${(uploadSequence += 1)}`;
      setUploads((list) => [...list, { key, name: file.name, progress: 0, error: null }]);
      try {
        const stored = await onUpload(id, kind, file, (progress) =>
          setUploads((list) => list.map((u) => (u.key === key ? { ...u, progress } : u))),
        );
        setUploads((list) => list.filter((u) => u.key !== key));
        if (kind === 'image') setImages((list) => [...list, stored]);
        else setAttachments((list) => [...list, stored]);
      } catch (error) {
        setUploads((list) => list.map((u) => (u.key === key ? { ...u, error: messageOf(error) } : u)));
      }
    }
  }

  const addFiles = useAction(async (kind: EntryFile['kind']) => {
    if (kind === 'image') await upload('image', await pickImages(UPLOAD_LIMITS.imagesPerEntry - images.length));
    else {
      const file = await pickAttachment();
      if (file) await upload('attachment', [file]);
    }
  });

  const remove = useAction(async (file: EntryFile) => {
    await onRemoveFile(file);
    if (file.kind === 'image') setImages((list) => list.filter((f) => f.id !== file.id));
    else setAttachments((list) => list.filter((f) => f.id !== file.id));
  });

  const submit = useAction(
    async () => {
      if (!saved.current) autosave.changed();
      await autosave.flush();
      onSubmitted(await onSubmit(saved.current!.id));
    },
    {
      validate: () => {
        const problems = entryProblems(fieldsRef.current, call);
        if (Object.keys(problems).length) throw new FieldProblems(problems, '还有内容未填写完整');
      },
      confirm: () => ({
        title: '提交报送',
        content: `提交到“${call.title}”？秘书处登记前仍可修改，登记后不能再改。`,
        confirmText: '提交',
        cancelText: '再看看',
      }),
    },
  );
  const errors = submit.problems;

  function set<K extends keyof EntryFields>(key: K, value: EntryFields[K]) {
    setFields((f) => ({ ...f, [key]: value }));
    fieldsRef.current = { ...fieldsRef.current, [key]: value };
    submit.reset(key);
    autosave.changed();
  }

  const state = autosave.state;
  const saveText =
    state.kind === 'saving'
      ? '正在保存…'
      : state.kind === 'saved'
        ? `已自动保存 ${formatDateTime(state.at.toISOString()).slice(11)}`
        : state.kind === 'queued'
          ? '网络不通：草稿已存到本机，联网后自动发送'
          : state.kind === 'error'
            ? `保存失败：${state.message}`
            : '填写后会自动保存草稿';
  const ownTopics = topics.filter((t) => t.myClaimId !== null && t.claims.some((c) => c.id === t.myClaimId && c.status === 'confirmed'));

  return (
    <View className="zj-entry-form">
      <View className="zj-entry-form__call">
        <Text className="zj-entry-form__call-kind">{CALL_KIND_LABELS[call.kind]}</Text>
        <Text className="zj-entry-form__call-title">{call.title}</Text>
      </View>
      <Text className={`zj-entry-form__save zj-entry-form__save--${state.kind}`}>{saveText}</Text>
      <Card>
        <Field
          label="标题"
          name="title"
          value={fields.title}
          maxlength={ENTRY_TEXT_LIMITS.title}
          placeholder="案例名称"
          error={errors.title}
          onChange={(v) => set('title', v)}
        />
        {call.categories.length ? (
          <Chips
            label="类别"
            options={call.categories.map((c) => ({ value: c, label: c }))}
            value={fields.category}
            error={errors.category}
            onChange={(v) => set('category', v)}
          />
        ) : null}
        {call.kind === 'research' ? (
          ownTopics.length ? (
            <Chips
              label="课题"
              options={ownTopics.map((t) => ({ value: t.id, label: t.title }))}
              value={fields.topicId}
              error={errors.topicId}
              onChange={(v) => set('topicId', v)}
            />
          ) : (
            <Text className="zj-entry-form__note">本单位还没有经秘书处确认的课题，确认后才能提交调研报告。</Text>
          )
        ) : null}
        <TextArea
          label="摘要"
          name="summary"
          value={fields.summary}
          maxlength={ENTRY_TEXT_LIMITS.summary}
          placeholder="一两句话说明做法和成效"
          error={errors.summary}
          onChange={(v) => set('summary', v)}
        />
        <TextArea
          label="正文"
          name="body"
          rows="tall"
          value={fields.body}
          maxlength={ENTRY_TEXT_LIMITS.body}
          placeholder="背景、做法、成效……"
          error={errors.body}
          onChange={(v) => set('body', v)}
        />
      </Card>

      <Card title={`图片（${images.length}/${UPLOAD_LIMITS.imagesPerEntry}）`}>
        <View className="zj-entry-form__images">
          {images.map((image) => (
            <View key={image.id} className="zj-entry-form__image">
              <AuthedImage src={fileUrl(image.id)} />
              <View className="zj-entry-form__remove" ariaRole="button" ariaLabel="删除图片" onClick={() => void remove.run(image)}>
                ×
              </View>
            </View>
          ))}
        </View>
        <Text className="zj-entry-form__note">拍照或从相册选择，每张不超过 5 MB，上传时去除位置信息。</Text>
        <Button
          size="small"
          variant="secondary"
          disabled={images.length >= UPLOAD_LIMITS.imagesPerEntry}
          onClick={() => void addFiles.run('image')}
        >
          添加图片
        </Button>
      </Card>

      <Card title="附件（可选）">
        {attachments.map((file) => (
          <View key={file.id} className="zj-entry-form__attachment">
            <Text className="zj-entry-form__attachment-name">{file.name ?? '附件'}</Text>
            <Text className="zj-entry-form__remove-text" onClick={() => void remove.run(file)}>
              删除
            </Text>
          </View>
        ))}
        <Text className="zj-entry-form__note">Word（.docx）或 PDF，不超过 20 MB。</Text>
        <Button size="small" variant="plain" onClick={() => void addFiles.run('attachment')}>
          添加附件
        </Button>
      </Card>

      {uploads.length ? (
        <Card title="上传">
          {uploads.map((u) => (
            <View key={u.key} className="zj-upload" ariaLabel={`${u.name} ${u.progress}%`}>
              <Text className="zj-upload__name">{u.name}</Text>
              {u.error ? (
                <Text className="zj-upload__error">{u.error}</Text>
              ) : (
                <View className="zj-upload__bar">
                  <View className="zj-upload__fill" style={{ width: `${u.progress}%` }} />
                </View>
              )}
              <Text className="zj-upload__percent">{u.error ? '失败' : `${u.progress}%`}</Text>
            </View>
          ))}
        </Card>
      ) : null}

      <Card title="联系人">
        <Field
          label="联系人"
          name="contactName"
          value={fields.contactName}
          maxlength={ENTRY_TEXT_LIMITS.contactName}
          error={errors.contactName}
          onChange={(v) => set('contactName', v)}
        />
        <Field
          label="联系电话"
          name="contactPhone"
          value={fields.contactPhone}
          maxlength={20}
          placeholder="11 位手机号"
          error={errors.contactPhone}
          onChange={(v) => set('contactPhone', v)}
        />
      </Card>

      <View className="zj-entry-form__actions">
        <Button block variant="plain" onClick={() => void autosave.flush().catch(() => undefined)}>
          保存草稿
        </Button>
        <Button block loading={submit.busy} onClick={() => void submit.run()}>
          {initial?.status === 'returned' ? '修改后重新提交' : '提交'}
        </Button>
      </View>
      <Text className="zj-entry-form__note">截止时间 {formatDateTime(call.closesAt)}，以服务器时间为准；登记前仍可修改。</Text>
    </View>
  );
}
