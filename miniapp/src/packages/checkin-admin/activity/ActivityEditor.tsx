import { ActivityUpdate, type ActivityDetail } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { useAction } from '../../../hooks/useAction';
import { ActivityFields } from '../components/ActivityFields';
import { FormError } from '../components/FormError';
import { MaterialsField } from '../components/MaterialsField';

/** What this form edits, checked by the PATCH contract itself (every field required here). */
const EDITABLE = ActivityUpdate.pick({ title: true, placeName: true, placeAddress: true, agenda: true, materials: true }).required();
type Draft = z.output<typeof EDITABLE>;

const draftOf = ({ title, placeName, placeAddress, agenda, materials }: ActivityDetail): Draft => ({
  title,
  placeName,
  placeAddress,
  agenda,
  materials,
});

/** This occurrence's own name, place, agenda and materials; the rule and other occurrences keep theirs. */
export function ActivityEditor({ activity, onSave }: { activity: ActivityDetail; onSave: (changes: Draft) => Promise<unknown> }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(activity));
  const update = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const save = useAction(onSave, { check: EDITABLE, success: '活动信息已保存', inline: true });

  return (
    <>
      <ActivityFields value={draft} onChange={update} agendaLabel="本次议程" problems={save.problems} />
      <MaterialsField value={draft.materials} onChange={(materials) => update({ materials })} error={save.problems.materials} />
      <FormError message={save.error} />
      <Button block loading={save.busy} onClick={() => void save.run(draft)}>
        保存活动信息
      </Button>
    </>
  );
}
