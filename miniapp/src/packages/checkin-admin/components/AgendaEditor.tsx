import { Text, View } from '@tarojs/components';
import { AGENDA_KIND_LABELS, AGENDA_KINDS, type AgendaSegment } from '@zhijian/shared';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { FormError } from './FormError';
import './forms.scss';

/** The contract allows at most 12 segments. */
const MAX_SEGMENTS = 12;

const nextKind = (kind: AgendaSegment['kind']) => AGENDA_KINDS[(AGENDA_KINDS.indexOf(kind) + 1) % AGENDA_KINDS.length]!;

/** An agenda: each segment's kind (tap to cycle through 活动环节 and 三会一课) and title. */
export function AgendaEditor({
  label,
  agenda,
  onChange,
  error,
}: {
  label: string;
  agenda: AgendaSegment[];
  onChange: (agenda: AgendaSegment[]) => void;
  error?: string;
}) {
  const setSegment = (index: number, segment: AgendaSegment) => onChange(agenda.map((s, i) => (i === index ? segment : s)));
  return (
    <View className="zj-agenda">
      <Text className="zj-agenda__label">{label}</Text>
      {agenda.map((segment, index) => (
        <View key={index} className="zj-agenda__segment">
          <Button size="small" variant="plain" onClick={() => setSegment(index, { ...segment, kind: nextKind(segment.kind) })}>
            {AGENDA_KIND_LABELS[segment.kind]}
          </Button>
          <Field
            label={`环节 ${index + 1}`}
            value={segment.title}
            onChange={(title) => setSegment(index, { ...segment, title })}
            maxlength={40}
          />
          <Button size="small" variant="plain" onClick={() => onChange(agenda.filter((_, i) => i !== index))}>
            删除
          </Button>
        </View>
      ))}
      <Button
        size="small"
        variant="secondary"
        disabled={agenda.length >= MAX_SEGMENTS}
        onClick={() => onChange([...agenda, { kind: 'segment', title: '' }])}
      >
        添加议程环节
      </Button>
      <FormError message={error} />
    </View>
  );
}
