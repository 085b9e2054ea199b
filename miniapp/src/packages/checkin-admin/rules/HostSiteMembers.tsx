import { Text, View } from '@tarojs/components';
import type { HostSite, MemberListItem } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
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

interface HostSiteMembersProps {
  site: HostSite;
  /** The unit's mobile members matching a name or phone (all of them for an empty text). */
  onFind: (q: string) => Promise<MemberListItem[]>;
  /** Attaches or detaches a member; answers the site as it now stands. */
  onAttach: (memberId: number) => Promise<HostSite>;
  onDetach: (memberId: number) => Promise<HostSite>;
  onChanged: (site: HostSite) => void;
}

/** A host site's mobile members: move one out, or find one on the unit's roster and attach them. */
export function HostSiteMembers({ site, onFind, onAttach, onDetach, onChanged }: HostSiteMembersProps) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<MemberListItem[] | null>(null);
  /** Finding, attaching or detaching: one at a time, the refusal under the list. */
  const act = useAction((step: () => Promise<void>) => step(), { inline: true });
  const busy = act.busy;

  const detach = (memberId: number) => void act.run(async () => onChanged(await onDetach(memberId)));
  const attach = (memberId: number) =>
    void act.run(async () => {
      onChanged(await onAttach(memberId));
      setFound(null);
    });
  const search = () =>
    void act.run(async () => {
      const members = await onFind(q.trim());
      setFound(members.filter((member) => !site.members.some((attached) => attached.id === member.id)));
    });

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
      <Field label="编入流动党员" value={q} onChange={setQ} placeholder="姓名或手机号，留空列出全部" maxlength={50} onConfirm={search} />
      <Button size="small" variant="secondary" loading={busy} onClick={search}>
        查找本单位流动党员
      </Button>
      {found?.map((member) => (
        <MemberRow
          key={member.id}
          name={member.name}
          note={member.phoneMasked}
          action="编入"
          busy={busy}
          onAction={() => attach(member.id)}
        />
      ))}
      {found && !found.length ? (
        <Text className="zj-muted zj-form-note">没有找到可编入的流动党员（名册中类别为流动党员的才能编入）。</Text>
      ) : null}
      <FormError message={act.error} />
    </View>
  );
}
