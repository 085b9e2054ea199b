import { Text } from '@tarojs/components';
import { GuestInput, type EndpointOutput } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Cell, CellGroup } from '../../../components/Cell';
import { Field } from '../../../components/Field';
import { useCheckedSubmit } from '../../../hooks/useCheckedSubmit';
import { api, call } from '../../../services/api';
import { FormError } from '../components/FormError';

type Guest = EndpointOutput<typeof api.activities.inviteGuest>;

/** Invites a member of another unit by phone: they may check in, as 列席, not counted as expected. */
export function GuestInvite({ activityId }: { activityId: number }) {
  const [phone, setPhone] = useState('');
  const [invited, setInvited] = useState<Guest[]>([]);
  const form = useCheckedSubmit(GuestInput, (body) => call(api.activities.inviteGuest, { params: { id: activityId }, body }));

  async function invite() {
    const guest = await form.submit({ phone });
    if (!guest) return;
    setInvited((list) => [guest, ...list.filter((other) => other.memberId !== guest.memberId)]);
    setPhone('');
  }

  return (
    <>
      <Field
        label="外单位党员的手机号"
        value={phone}
        onChange={setPhone}
        placeholder="名册上登记的手机号"
        maxlength={20}
        error={form.problems.phone}
        onConfirm={() => void invite()}
      />
      <FormError message={form.error} />
      <Button block variant="secondary" loading={form.busy} onClick={() => void invite()}>
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
