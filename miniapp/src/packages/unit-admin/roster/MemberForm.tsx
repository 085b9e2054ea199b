import { Text, View } from '@tarojs/components';
import { MEMBER_KIND_LABELS, MEMBER_KINDS, type MemberListItem } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { Chips } from '../../../components/Chips';
import { DatePicker } from '../../../components/DatePicker';
import { Field } from '../../../components/Field';
import type { MemberDraft } from '../../../services/organisation';

export interface MemberFormProps {
  /** The entry being edited; null adds a new one. */
  member: MemberListItem | null;
  busy: boolean;
  /** Field problems from the form's check or the server's refusal. */
  problems: Record<string, string | undefined>;
  /** A new entry gets every field; an edit only what was changed (a phone left empty keeps the old one). */
  onSave: (draft: Partial<MemberDraft>) => void;
  onRemove?: () => void;
  onCancel: () => void;
}

/** Adding or editing one roster entry: name, phone, kind, 入党日期. */
export function MemberForm({ member, busy, problems, onSave, onRemove, onCancel }: MemberFormProps) {
  const [name, setName] = useState(member?.name ?? '');
  const [phone, setPhone] = useState('');
  const [kind, setKind] = useState<MemberListItem['kind']>(member?.kind ?? 'fixed');
  const [joined, setJoined] = useState(member?.joinedPartyOn ?? '');

  function save() {
    if (!member) {
      onSave({ name, phone, kind, joinedPartyOn: joined.trim() || null });
      return;
    }
    const changes: Partial<MemberDraft> = {};
    if (name !== member.name) changes.name = name;
    if (phone.trim()) changes.phone = phone;
    if (kind !== member.kind) changes.kind = kind;
    if ((joined.trim() || null) !== member.joinedPartyOn) changes.joinedPartyOn = joined.trim() || null;
    onSave(changes);
  }

  return (
    <Card title={member ? `修改：${member.name}` : '添加党员'}>
      <View className="zj-member-form">
        <Field label="姓名" name="name" value={name} maxlength={50} error={problems.name} onChange={setName} />
        <Field
          label="手机号"
          name="phone"
          type="number"
          value={phone}
          maxlength={11}
          placeholder={member ? `${member.phoneMasked}（不改可留空）` : '11 位手机号'}
          error={problems.phone}
          onChange={setPhone}
        />
        <Chips
          label="党员类型"
          options={MEMBER_KINDS.map((value) => ({ value, label: MEMBER_KIND_LABELS[value] }))}
          value={kind}
          error={problems.kind}
          onChange={setKind}
        />
        <DatePicker label="入党日期（可选）" value={joined} error={problems.joinedPartyOn} onChange={setJoined} />
        <View className="zj-member-form__actions">
          <Button block loading={busy} onClick={save}>
            {member ? '保存修改' : '添加'}
          </Button>
          <Button block variant="plain" onClick={onCancel}>
            取消
          </Button>
          {onRemove ? (
            <Button block variant="danger" onClick={onRemove}>
              从名册移除
            </Button>
          ) : null}
        </View>
        {member ? <Text className="zj-muted">手机号是党员绑定微信时核对身份用的，请仔细核对。</Text> : null}
      </View>
    </Card>
  );
}
