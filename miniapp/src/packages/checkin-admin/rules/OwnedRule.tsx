import { View } from '@tarojs/components';
import type { ActivityRule } from '@zhijian/shared';
import { useState } from 'react';
import { Cell } from '../../../components/Cell';
import { RuleForm, type RuleFormProps } from './RuleForm';

/** A branch's or host site's rule in one line, with its editor opened on a tap. */
export function OwnedRule({ name, rule, onSaved, ...form }: Omit<RuleFormProps, 'rule'> & { name: string; rule?: ActivityRule }) {
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
          rule={rule}
          {...form}
          onSaved={async () => {
            setOpen(false);
            await onSaved();
          }}
        />
      ) : null}
    </View>
  );
}
