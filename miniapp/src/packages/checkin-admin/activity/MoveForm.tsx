import { formatDate, formatShanghaiTime, MoveInput, shanghaiDate, type ActivityDetail } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { DatePicker } from '../../../components/DatePicker';
import { TextArea } from '../../../components/TextArea';
import { useAction } from '../../../hooks/useAction';
import { FormError } from '../components/FormError';

/** Moves this one occurrence to another day or time, with the reason on record (e.g. the 25th is a Sunday). */
export function MoveForm({
  activity,
  onMove,
}: {
  activity: ActivityDetail;
  onMove: (move: z.output<typeof MoveInput>) => Promise<unknown>;
}) {
  const starts = new Date(activity.startsAt);
  const [date, setDate] = useState(() => formatDate(shanghaiDate(starts)));
  const [startTime, setStartTime] = useState(() => formatShanghaiTime(starts));
  const [reason, setReason] = useState('');
  const form = useAction(
    async (input: z.output<typeof MoveInput>) => {
      await onMove(input);
      setReason('');
    },
    { check: MoveInput, success: '活动时间已调整', inline: true },
  );
  const move = () => form.run({ date: date.trim(), startTime: startTime.trim(), reason });

  return (
    <>
      <DatePicker label="新的日期" value={date} onChange={setDate} error={form.problems.date} />
      <DatePicker
        label="新的开始时间（北京时间）"
        fields="time"
        value={startTime}
        onChange={setStartTime}
        error={form.problems.startTime}
      />
      <TextArea
        label="调整原因"
        value={reason}
        maxlength={200}
        onChange={setReason}
        placeholder="如 25 日是星期日，提前到 24 日"
        error={form.problems.reason}
      />
      <FormError message={form.error} />
      <Button block variant="secondary" loading={form.busy} onClick={() => void move()}>
        调整时间
      </Button>
    </>
  );
}
