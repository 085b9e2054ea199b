import { HostSiteInput } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { FormError } from '../components/FormError';

/** A new place where the unit's mobile members meet, e.g. 四季青流动党员服务站. */
export function NewHostSite({ onCreate }: { onCreate: (site: z.output<typeof HostSiteInput>) => Promise<unknown> }) {
  const [name, setName] = useState('');
  const create = useAction(
    async (input: z.output<typeof HostSiteInput>) => {
      await onCreate(input);
      setName('');
    },
    { check: HostSiteInput, inline: true },
  );

  return (
    <>
      <Field
        label="新建服务点"
        value={name}
        onChange={setName}
        placeholder="如 四季青流动党员服务站"
        maxlength={60}
        error={create.problems.name}
        onConfirm={() => void create.run({ name })}
      />
      <FormError message={create.error} />
      <Button size="small" variant="secondary" loading={create.busy} onClick={() => void create.run({ name })}>
        新建服务点
      </Button>
    </>
  );
}
