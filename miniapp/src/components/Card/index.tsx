import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export function Card({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <View className={`zj-card ${className ?? ''}`}>
      {title ? <Text className="zj-card__title">{title}</Text> : null}
      {children}
    </View>
  );
}
