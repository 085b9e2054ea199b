import { Text, View } from '@tarojs/components';
import { ACTIVITY_DAYS, AGENDA_KIND_LABELS, AGENDA_KINDS, type ActivityRule, type AgendaSegment } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';

export interface RuleDraft {
  dayOfMonth: number;
  startTime: string;
  durationMinutes: number;
  title: string;
  placeName: string;
  placeAddress: string;
  agenda: AgendaSegment[];
}

function draftOf(rule: ActivityRule | undefined): RuleDraft {
  return {
    dayOfMonth: rule?.dayOfMonth ?? 15,
    startTime: rule?.startTime ?? '14:00',
    durationMinutes: rule?.durationMinutes ?? 120,
    title: rule?.title ?? '党员固定活动日',
    placeName: rule?.placeName ?? '',
    placeAddress: rule?.placeAddress ?? '',
    agenda: rule?.agenda ?? [],
  };
}

/**
 * 三固定 of the unit: the day is one of three buttons — 5, 15, 25 — so no other day can be chosen;
 * the server refuses any other day as well.
 */
export function RuleEditor({ rule, saving, error, onSave }: { rule?: ActivityRule; saving: boolean; error?: string; onSave: (draft: RuleDraft) => void }) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setSegment = (index: number, segment: AgendaSegment) => set('agenda', draft.agenda.map((s, i) => (i === index ? segment : s)));
  const nextKind = (kind: AgendaSegment['kind']) => AGENDA_KINDS[(AGENDA_KINDS.indexOf(kind) + 1) % AGENDA_KINDS.length]!;

  return (
    <View className='zj-rule-editor'>
      <Text className='zj-rule-editor__label'>每月固定活动日</Text>
      <View className='zj-rule-editor__days' role='radiogroup'>
        {ACTIVITY_DAYS.map((day) => (
          <Button key={day} size='small' variant={draft.dayOfMonth === day ? 'primary' : 'secondary'} onClick={() => set('dayOfMonth', day)}>
            {`${day} 日`}
          </Button>
        ))}
      </View>
      <Field label='开始时间' value={draft.startTime} onChange={(value) => set('startTime', value)} placeholder='如 14:00' maxlength={5} />
      <Field
        label='时长（分钟）'
        type='number'
        value={String(draft.durationMinutes)}
        onChange={(value) => set('durationMinutes', Number(value) || 0)}
        maxlength={3}
      />
      <Field label='活动名称' value={draft.title} onChange={(value) => set('title', value)} maxlength={60} />
      <Field label='活动地点' value={draft.placeName} onChange={(value) => set('placeName', value)} placeholder='如 党群服务中心' maxlength={60} />
      <Field label='详细地址' value={draft.placeAddress} onChange={(value) => set('placeAddress', value)} maxlength={120} />
      <Text className='zj-rule-editor__label'>固定议程</Text>
      {draft.agenda.map((segment, index) => (
        <View key={index} className='zj-rule-editor__segment'>
          <Button size='small' variant='plain' onClick={() => setSegment(index, { ...segment, kind: nextKind(segment.kind) })}>
            {AGENDA_KIND_LABELS[segment.kind]}
          </Button>
          <Field label={`环节 ${index + 1}`} value={segment.title} onChange={(title) => setSegment(index, { ...segment, title })} maxlength={40} />
          <Button size='small' variant='plain' onClick={() => set('agenda', draft.agenda.filter((_, i) => i !== index))}>
            删除
          </Button>
        </View>
      ))}
      <Button size='small' variant='secondary' disabled={draft.agenda.length >= 12} onClick={() => set('agenda', [...draft.agenda, { kind: 'segment', title: '' }])}>
        添加议程环节
      </Button>
      {error ? <Text className='zj-rule-editor__error'>{error}</Text> : null}
      <Button block loading={saving} onClick={() => onSave(draft)}>
        保存规则并生成未来三个月的活动
      </Button>
    </View>
  );
}
