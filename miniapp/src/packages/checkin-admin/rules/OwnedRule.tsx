import { View } from '@tarojs/components';
import type { ActivityRule } from '@zhijian/shared';
import { useState } from 'react';
import { Cell } from '../../../components/Cell';
import { RuleForm, type RuleOwner } from './RuleForm';

/** A branch's or host site's rule in one line, with its editor opened on a tap. */
export function OwnedRule({
  unitId,
  name,
  owner,
  rule,
  onSaved,
}: {
  unitId: number;
  name: string;
  owner: RuleOwner;
  rule?: ActivityRule;
  onSaved: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <View className="zj-rules__owned">
      <Cell
        title={name}
        note={rule ? `${rule.description} · ${rule.placeName}` : '尚未设定规则'}
        value={open ? '收起' : rule ? '修改规则' : '设定规则'}
        onClick={() => setOpen(!open)}
      />
      {open ? (
        <RuleForm
          key={rule?.id ?? 'new'}
          unitId={unitId}
          owner={owner}
          rule={rule}
          onSaved={async () => {
            setOpen(false);
            await onSaved();
          }}
        />
      ) : null}
    </View>
  );
}
