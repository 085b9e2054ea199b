import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { TextArea } from '../../../components/TextArea';
import type { Action } from '../../../hooks/useAction';
import { FormError } from './FormError';
import './record.scss';

export interface BonusDecisionValue {
  approve: boolean;
  points?: number;
  note?: string;
}

interface Props {
  /** The kind's range under the rules in force (null: the kind is no longer listed; the server checks). */
  range: { min: number; max: number } | null;
  action: Action<[BonusDecisionValue], unknown>;
}

/**
 * 认定 with points inside the kind's range (one chip per allowed value, so no other can be typed),
 * or 不予认定 with a reason.
 */
export function BonusDecisionForm({ range, action }: Props) {
  const [mode, setMode] = useState<'approve' | 'refuse'>('approve');
  const [points, setPoints] = useState<number | null>(range && range.min === range.max ? range.min : null);
  const [note, setNote] = useState('');
  const options = range
    ? Array.from({ length: range.max - range.min + 1 }, (_, i) => ({ value: range.min + i, label: `${range.min + i} 分` }))
    : [];
  const submit = () =>
    void action.run(
      mode === 'approve'
        ? { approve: true, points: points ?? undefined, note: note.trim() || undefined }
        : { approve: false, note: note.trim() },
    );
  return (
    <View className="zj-bonus-decision">
      <Chips
        label="审核结果"
        options={[
          { value: 'approve', label: '认定加分' },
          { value: 'refuse', label: '不予认定' },
        ]}
        value={mode}
        onChange={(next) => {
          setMode(next);
          action.reset();
        }}
      />
      {mode === 'approve' && !range ? (
        // The kind is no longer listed: the server holds its range from the declaration.
        <Field
          label="认定分值"
          type="number"
          value={points === null ? '' : String(points)}
          onChange={(text) => {
            setPoints(/^\d{1,2}$/.test(text) ? Number(text) : null);
            action.reset('points');
          }}
          maxlength={2}
          placeholder="分值"
          error={action.problems.points}
        />
      ) : null}
      {mode === 'approve' && range ? (
        <Chips
          label={`认定分值（${range.min}–${range.max} 分）`}
          options={options}
          value={points}
          onChange={(value) => {
            setPoints(value);
            action.reset('points');
          }}
          error={action.problems.points}
        />
      ) : null}
      <TextArea
        label={mode === 'approve' ? '说明（可不填）' : '不予认定的理由'}
        value={note}
        onChange={(value) => {
          setNote(value);
          action.reset('note');
        }}
        maxlength={500}
        error={action.problems.note}
      />
      <FormError message={action.error} />
      <View className="zj-ra__actions">
        <Button size="small" variant={mode === 'approve' ? 'primary' : 'danger'} loading={action.busy} onClick={submit}>
          {mode === 'approve' ? '确认认定' : '确认不予认定'}
        </Button>
      </View>
    </View>
  );
}
