import { Text, View } from '@tarojs/components';
import { ACTIVITY_DAYS, type ActivityRule } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { ActivityFields, type ActivityFieldsDraft } from '../components/ActivityFields';
import { FormError } from '../components/FormError';
import { TimeFields, type TimeFieldsDraft } from '../components/TimeFields';

export interface RuleDraft extends TimeFieldsDraft, ActivityFieldsDraft {
  dayOfMonth: number;
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
  const update = (patch: Partial<RuleDraft>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <View className='zj-rule-editor'>
      <Text className='zj-rule-editor__label'>每月固定活动日</Text>
      <View className='zj-rule-editor__days' role='radiogroup'>
        {ACTIVITY_DAYS.map((day) => (
          <Button key={day} size='small' variant={draft.dayOfMonth === day ? 'primary' : 'secondary'} onClick={() => update({ dayOfMonth: day })}>
            {`${day} 日`}
          </Button>
        ))}
      </View>
      <TimeFields value={draft} onChange={update} />
      <ActivityFields value={draft} onChange={update} agendaLabel='固定议程' />
      <FormError message={error} />
      <Button block loading={saving} onClick={() => onSave(draft)}>
        保存规则并生成未来三个月的活动
      </Button>
    </View>
  );
}
