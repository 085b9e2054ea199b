import { HostSiteInput, type HostSite } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useCheckedSubmit } from '../../../hooks/useCheckedSubmit';
import { api, call } from '../../../services/api';
import { FormError } from '../components/FormError';

/** A new place where the unit's mobile members meet, e.g. 四季青流动党员服务站. */
export function NewHostSite({ unitId, onCreated }: { unitId: number; onCreated: (site: HostSite) => void }) {
  const [name, setName] = useState('');
  const form = useCheckedSubmit(HostSiteInput, (body) => call(api.schedules.createHostSite, { params: { unitId }, body }));

  async function create() {
    const site = await form.submit({ name });
    if (!site) return;
    setName('');
    onCreated(site);
  }

  return (
    <>
      <Field
        label="新建服务点"
        value={name}
        onChange={setName}
        placeholder="如 四季青流动党员服务站"
        maxlength={60}
        error={form.problems.name}
        onConfirm={() => void create()}
      />
      <FormError message={form.error} />
      <Button size="small" variant="secondary" loading={form.busy} onClick={() => void create()}>
        新建服务点
      </Button>
    </>
  );
}
