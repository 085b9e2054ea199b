import Taro from '@tarojs/taro';
import { ActivityUpdate, type ActivityDetail } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { useCheckedSubmit } from '../../../hooks/useCheckedSubmit';
import { api, call } from '../../../services/api';
import { ActivityFields, type ActivityFieldsDraft } from '../components/ActivityFields';
import { FormError } from '../components/FormError';
import { MaterialsField } from '../components/MaterialsField';

interface Draft extends ActivityFieldsDraft {
  materials: string;
}

/** What this form edits, checked by the PATCH contract itself (every field required here). */
const EDITABLE = ActivityUpdate.pick({ title: true, placeName: true, placeAddress: true, agenda: true, materials: true }).required();

const draftOf = ({ title, placeName, placeAddress, agenda, materials }: ActivityDetail): Draft => ({
  title,
  placeName,
  placeAddress,
  agenda,
  materials,
});

/** This occurrence's own name, place, agenda and materials; the rule and other occurrences keep theirs. */
export function ActivityEditor({ activity, onSaved }: { activity: ActivityDetail; onSaved: (saved: ActivityDetail) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(activity));
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const form = useCheckedSubmit(EDITABLE, (body) => call(api.activities.update, { params: { id: activity.id }, body }));

  async function save() {
    const saved = await form.submit(draft);
    if (!saved) return;
    onSaved(saved);
    void Taro.showToast({ title: '活动信息已保存', icon: 'success' });
  }

  return (
    <>
      <ActivityFields value={draft} onChange={update} agendaLabel="本次议程" problems={form.problems} />
      <MaterialsField value={draft.materials} onChange={(materials) => update({ materials })} error={form.problems.materials} />
      <FormError message={form.error} />
      <Button block loading={form.busy} onClick={() => void save()}>
        保存活动信息
      </Button>
    </>
  );
}
