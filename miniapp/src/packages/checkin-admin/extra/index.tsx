import Taro from '@tarojs/taro';
import { ExtraActivityInput } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { DatePicker } from '../../../components/DatePicker';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAction } from '../../../hooks/useAction';
import { useLoaded } from '../../../hooks/useLoaded';
import { useSession } from '../../../hooks/useSession';
import { createExtraActivity, loadAudiences } from '../../../services/activities';
import { ActivityFields } from '../components/ActivityFields';
import { CheckinArea } from '../components/CheckinArea';
import { FormError } from '../components/FormError';
import { MaterialsField } from '../components/MaterialsField';
import { TimeFields } from '../components/TimeFields';
import { AudienceChips } from './AudienceChips';

/** The form as typed: every field of the contract, filled in. */
type Draft = Required<z.output<typeof ExtraActivityInput>>;

const EMPTY: Draft = {
  date: '',
  startTime: '14:00',
  durationMinutes: 120,
  title: '党员固定活动日',
  placeName: '',
  placeAddress: '',
  agenda: [],
  materials: '',
  latitude: null,
  longitude: null,
  radiusMeters: null,
  branchId: null,
  hostSiteId: null,
};

/** An activity outside the rule (a 专题党课, a joint event), on any day; back on the desk it is listed with the others. */
function ExtraActivityForm({ unitId }: { unitId: number }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  // Should they fail to load, the activity stays unit-wide, as it would be without branches.
  const audiences = useLoaded(unitId, loadAudiences);
  const form = useAction(
    async (body: z.output<typeof ExtraActivityInput>) => {
      await createExtraActivity(unitId, body);
      void Taro.navigateBack();
    },
    { check: ExtraActivityInput, success: '已增加活动', inline: true },
  );
  const save = () => form.run({ ...draft, date: draft.date.trim(), startTime: draft.startTime.trim() });

  return (
    <Card title="规则以外的活动">
      <AudienceChips branches={audiences.data?.branches} sites={audiences.data?.sites} value={draft} onChange={update} />
      <DatePicker label="日期" value={draft.date} onChange={(date) => update({ date })} error={form.problems.date} />
      <TimeFields value={draft} onChange={update} problems={form.problems} />
      <ActivityFields value={draft} onChange={update} agendaLabel="议程" problems={form.problems} />
      <CheckinArea value={draft} onChange={update} problems={form.problems} />
      <MaterialsField value={draft.materials} onChange={(materials) => update({ materials })} error={form.problems.materials} />
      <FormError message={form.error} />
      <Button block loading={form.busy} onClick={() => void save()}>
        保存活动
      </Button>
    </Card>
  );
}

export default function ExtraActivityPage() {
  const session = useSession();
  const unitId = session?.user.unit?.id;
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>
        {unitId ? <ExtraActivityForm unitId={unitId} /> : <StateView kind="empty" title="尚未关联单位" />}
      </RoleGate>
    </Page>
  );
}
