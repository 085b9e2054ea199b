import { Text, View } from '@tarojs/components';
import type { MemberListItem } from '@zhijian/shared';
import { useState } from 'react';
import { Chips } from '../../../components/Chips';
import { SearchBar } from '../../../components/SearchBar';
import './record.scss';

interface Props {
  members: readonly Pick<MemberListItem, 'id' | 'name'>[] | null;
  value: number | null;
  onChange: (memberId: number) => void;
  onSearch: (q: string) => void;
  error?: string;
}

/** Picks one member of the unit's roster: search by name, then tap the name. */
export function MemberPicker({ members, value, onChange, onSearch, error }: Props) {
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <View className="zj-member-picker">
      <SearchBar placeholder="按姓名或手机号后四位查找党员" onSearch={onSearch} />
      {members === null ? (
        <Text className="zj-ra__note">正在读取名册…</Text>
      ) : members.length ? (
        <Chips
          label={picked ? `党员：${picked}` : '党员'}
          options={members.map((member) => ({ value: member.id, label: member.name }))}
          value={value}
          onChange={(id) => {
            setPicked(members.find((member) => member.id === id)?.name ?? null);
            onChange(id);
          }}
          error={error}
        />
      ) : (
        <Text className="zj-ra__note">没有找到匹配的党员</Text>
      )}
    </View>
  );
}
