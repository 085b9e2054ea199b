import { Text } from '@tarojs/components';
import { GuestInput, type Guest } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Cell, CellGroup } from '../../../components/Cell';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { FormError } from '../components/FormError';

/** Invites a member of another unit by phone: they may check in, as 列席, not counted as expected. */
export function GuestInvite({ onInvite }: { onInvite: (guest: z.output<typeof GuestInput>) => Promise<z.output<typeof Guest>> }) {
  const [phone, setPhone] = useState('');
  const [invited, setInvited] = useState<z.output<typeof Guest>[]>([]);
  const invite = useAction(
    async (input: z.output<typeof GuestInput>) => {
      const guest = await onInvite(input);
      setInvited((list) => [guest, ...list.filter((other) => other.memberId !== guest.memberId)]);
      setPhone('');
    },
    { check: GuestInput, inline: true },
  );

  return (
    <>
      <Field
        label="外单位党员的手机号"
        value={phone}
        onChange={setPhone}
        placeholder="名册上登记的手机号"
        maxlength={20}
        error={invite.problems.phone}
        onConfirm={() => void invite.run({ phone })}
      />
      <FormError message={invite.error} />
      <Button block variant="secondary" loading={invite.busy} onClick={() => void invite.run({ phone })}>
        邀请参加
      </Button>
      {invited.length ? (
        <CellGroup>
          {invited.map((guest) => (
            <Cell key={guest.memberId} title={guest.name} note={guest.unitName ?? undefined} value="已邀请" />
          ))}
        </CellGroup>
      ) : null}
      <Text className="zj-muted zj-form-note">受邀党员可扫码签到，记为列席，不计入本单位应到人数。</Text>
    </>
  );
}
