import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

interface CellProps {
  title: ReactNode;
  note?: ReactNode;
  value?: ReactNode;
  arrow?: boolean;
  onClick?: () => void;
}

/** One row of a grouped list: title, a note underneath, a value or an arrow on the right. */
export function Cell({ title, note, value, arrow, onClick }: CellProps) {
  return (
    <View className={`zj-cell${onClick ? ' zj-cell--link' : ''}`} onClick={onClick} hoverClass={onClick ? 'zj-cell--hover' : 'none'}>
      <View className="zj-cell__main">
        <Text className="zj-cell__title">{title}</Text>
        {note ? <Text className="zj-cell__note">{note}</Text> : null}
      </View>
      {value !== undefined ? <Text className="zj-cell__value">{value}</Text> : null}
      {arrow ? <Text className="zj-cell__arrow">›</Text> : null}
    </View>
  );
}

export function CellGroup({ children }: { children: ReactNode }) {
  return <View className="zj-cell-group">{children}</View>;
}
