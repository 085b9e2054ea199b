import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useFontSize } from '../../hooks/useFontSize';
import { PrivacyPopup } from '../PrivacyPopup';
import './index.scss';

interface PageProps {
  children: ReactNode;
  className?: string;
}

/** Root of every page: the reader's body font size, comfortable line height, privacy popup. */
export function Page({ children, className }: PageProps) {
  const fontSize = useFontSize();
  return (
    <View className={`zj-page ${className ?? ''}`} style={{ fontSize: `${fontSize}px` }}>
      {children}
      <PrivacyPopup />
    </View>
  );
}
