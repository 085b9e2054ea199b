import type { AgendaSegment } from '@zhijian/shared';
import { Field } from '../../../components/Field';
import { AgendaEditor } from './AgendaEditor';

/** What a rule and an activity both have: a name, a place and an agenda. */
export interface ActivityFieldsDraft {
  title: string;
  placeName: string;
  placeAddress: string;
  agenda: AgendaSegment[];
}

interface ActivityFieldsProps {
  value: ActivityFieldsDraft;
  onChange: (patch: Partial<ActivityFieldsDraft>) => void;
  agendaLabel: string;
  /** Messages per field, as `checkInput` gives them. */
  problems?: Record<string, string>;
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
