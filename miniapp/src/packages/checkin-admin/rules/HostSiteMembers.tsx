import { Text, View } from '@tarojs/components';
import type { HostSite, MemberListItem } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { FormError } from '../components/FormError';

function MemberRow({
  name,
  note,
  action,
  busy,
  onAction,
}: {
  name: string;
  note: string;
  action: string;
  busy: boolean;
  onAction: () => void;
}) {
  return (
    <View className="zj-rules__member">
      <Text>
        {name} <Text className="zj-muted">{note}</Text>
      </Text>
      <Button size="small" variant="plain" disabled={busy} onClick={onAction}>
        {action}
      </Button>
    </View>
  );
}

/** A host site's mobile members: move one out, or find one on the unit's roster and attach them. */
export function HostSiteMembers({ unitId, site, onChanged }: { unitId: number; site: HostSite; onChanged: (site: HostSite) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<MemberListItem[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await work();
    } catch (failure) {
      setError(messageOf(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  const change = async (request: () => Promise<HostSite>) => {
    const updated = await run(request);
    if (updated) onChanged(updated);
    return updated;
  };
  const detach = (memberId: number) => void change(() => call(api.schedules.detachMember, { params: { id: site.id }, body: { memberId } }));
  async function attach(memberId: number) {
    if (await change(() => call(api.schedules.attachMember, { params: { id: site.id }, body: { memberId } }))) setFound(null);
  }
  async function search() {
    const page = await run(() => call(api.members.list, { params: { unitId }, query: { q: q.trim() || undefined, pageSize: 50 } }));
    if (page)
      setFound(page.items.filter((member) => member.kind === 'mobile' && !site.members.some((attached) => attached.id === member.id)));
  }

  return (
    <View className="zj-rules__members">
      {site.members.length ? (
        site.members.map((member) => (
          <MemberRow
            key={member.id}
            name={member.name}
            note={member.phoneMasked}
            action="移出"
            busy={busy}
            onAction={() => detach(member.id)}
          />
        ))
      ) : (
        <Text className="zj-muted zj-form-note">尚未编入流动党员。</Text>
      )}
      <Field
        label="编入流动党员"
        value={q}
        onChange={setQ}
        placeholder="姓名或手机号，留空列出全部"
        maxlength={50}
        onConfirm={() => void search()}
      />
      <Button size="small" variant="secondary" loading={busy} onClick={() => void search()}>
        查找本单位流动党员
      </Button>
      {found?.map((member) => (
        <MemberRow
          key={member.id}
          name={member.name}
          note={member.phoneMasked}
          action="编入"
          busy={busy}
          onAction={() => void attach(member.id)}
        />
      ))}
      {found && !found.length ? (
        <Text className="zj-muted zj-form-note">没有找到可编入的流动党员（名册中类别为流动党员的才能编入）。</Text>
      ) : null}
      <FormError message={error} />
    </View>
  );
}
