import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime, VolunteerActivityInput, type VolunteerActivity, type VolunteerScope } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { DateTimePicker } from '../../../../components/DatePicker';
import { Field } from '../../../../components/Field';
import { TextArea } from '../../../../components/TextArea';
import type { Action } from '../../../../hooks/useAction';
import './volunteer.scss';

/**
 * `2026-11-28 09:00` (Shanghai) as an instant; '' while the day or the time is still to be picked,
 * so the schema says 「请选择开始时间」 rather than describing an ISO 8601 format nobody typed.
 */
export function shanghaiInput(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim());
  return match ? `${match[1]}T${match[2]}:00+08:00` : '';
}

export interface PublishFormValue {
  scope: VolunteerScope;
  title: string;
  description: string;
  placeName: string;
  startsAt: string;
  endsAt: string;
  signUpDeadline: string;
  places: string;
}

/** The form's text as the contract's input. */
export function toInput(value: PublishFormValue) {
  return {
    scope: value.scope,
    title: value.title,
    description: value.description,
    placeName: value.placeName,
    startsAt: shanghaiInput(value.startsAt),
    endsAt: shanghaiInput(value.endsAt),
    signUpDeadline: shanghaiInput(value.signUpDeadline),
    places: Number(value.places),
  };
}

/** An activity as the form shows it, for editing: times in Shanghai as the pickers hold them. */
export function formValueOf(activity: VolunteerActivity): PublishFormValue {
  return {
    scope: activity.scope,
    title: activity.title,
    description: activity.description,
    placeName: activity.placeName,
    startsAt: formatShanghaiDateTime(new Date(activity.startsAt)),
    endsAt: formatShanghaiDateTime(new Date(activity.endsAt)),
    signUpDeadline: formatShanghaiDateTime(new Date(activity.signUpDeadline)),
    places: String(activity.places),
  };
}

/** Publishing and editing are checked alike: an edit is the whole form again, scope included. */
export const PUBLISH_CHECK = VolunteerActivityInput;

const SCOPE_OPTIONS: { value: VolunteerScope; label: string }[] = [
  { value: 'unit', label: '本单位活动' },
  { value: 'association', label: '协会活动' },
];

interface PublishFormProps {
  /** The scopes the organiser may publish in; the scope is chosen only when there are two. */
  scopes: VolunteerScope[];
  action: Action<[PublishFormValue], unknown>;
  /** The activity being edited, as the form shows it; a blank form otherwise. */
  initial?: PublishFormValue;
  submitLabel?: string;
}

/** Publishing (or editing) a volunteer activity: the scopes the organiser may publish in, what, when, where, how many. */
export function PublishForm({ scopes, action, initial, submitLabel = '发布活动' }: PublishFormProps) {
  const [value, setValue] = useState<PublishFormValue>(
    () =>
      initial ?? {
        scope: scopes[0] ?? 'unit',
        title: '',
        description: '',
        placeName: '',
        startsAt: '',
        endsAt: '',
        signUpDeadline: '',
        places: '10',
      },
  );
  const set = (field: keyof PublishFormValue) => (text: string) => {
    setValue((current) => ({ ...current, [field]: text }));
    action.reset(field);
  };
  const problem = (field: string) => action.problems[field];
  return (
    <View className="zj-vol__actions">
      {scopes.length > 1 ? (
        <Chips label="范围" options={SCOPE_OPTIONS.filter((o) => scopes.includes(o.value))} value={value.scope} onChange={set('scope')} />
      ) : null}
      <Field
        label="标题"
        value={value.title}
        onChange={set('title')}
        placeholder="如：社区敬老院志愿服务"
        maxlength={60}
        error={problem('title')}
      />
      <TextArea
        label="活动内容"
        value={value.description}
        onChange={set('description')}
        placeholder="做什么、要准备什么、集合方式（至少 5 个字）"
        maxlength={2000}
        error={problem('description')}
      />
      <Field
        label="地点"
        value={value.placeName}
        onChange={set('placeName')}
        placeholder="活动地点"
        maxlength={100}
        error={problem('placeName')}
      />
      <DateTimePicker label="开始时间" value={value.startsAt} onChange={set('startsAt')} error={problem('startsAt')} />
      <DateTimePicker label="结束时间" value={value.endsAt} onChange={set('endsAt')} error={problem('endsAt')} />
      <DateTimePicker label="报名截止" value={value.signUpDeadline} onChange={set('signUpDeadline')} error={problem('signUpDeadline')} />
      <Field label="名额" type="number" value={value.places} onChange={set('places')} error={problem('places')} />
      {action.error ? <Text className="zj-vol__error">{action.error}</Text> : null}
      <Button block loading={action.busy} onClick={() => void action.run(value)}>
        {submitLabel}
      </Button>
    </View>
  );
}
