import type { ExtraActivityInput } from '@zhijian/shared';
import type { z } from 'zod';
import { Field } from '../../../components/Field';
import type { Problems } from '../../../services/errors';
import { AgendaEditor } from './AgendaEditor';

/** What a rule and an activity both have: a name, a place and an agenda. */
export type ActivityFieldsDraft = Pick<z.output<typeof ExtraActivityInput>, 'title' | 'placeName' | 'placeAddress' | 'agenda'>;

interface ActivityFieldsProps {
  value: ActivityFieldsDraft;
  onChange: (patch: Partial<ActivityFieldsDraft>) => void;
  agendaLabel: string;
  /** Messages per field, as `useAction` gives them. */
  problems?: Problems;
}

export function ActivityFields({ value, onChange, agendaLabel, problems = {} }: ActivityFieldsProps) {
  return (
    <>
      <Field label="活动名称" value={value.title} onChange={(title) => onChange({ title })} maxlength={60} error={problems.title} />
      <Field
        label="活动地点"
        value={value.placeName}
        onChange={(placeName) => onChange({ placeName })}
        placeholder="如 党群服务中心"
        maxlength={60}
        error={problems.placeName}
      />
      <Field
        label="详细地址"
        value={value.placeAddress}
        onChange={(placeAddress) => onChange({ placeAddress })}
        maxlength={120}
        error={problems.placeAddress}
      />
      <AgendaEditor label={agendaLabel} agenda={value.agenda} onChange={(agenda) => onChange({ agenda })} error={problems.agenda} />
    </>
  );
}
