import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useFontSize } from '../../hooks/useFontSize';
import { AppNetworkBanner } from '../NetworkBanner';
import { PrivacyPopup } from '../PrivacyPopup';
import './index.scss';

interface PageProps {
  children: ReactNode;
  className?: string;
  /** The outbox page itself: its banner does not link to itself. */
  outbox?: boolean;
}

/** Root of every page: the network banner, the reader's body font size, comfortable line height, privacy popup. */
export function Page({ children, className, outbox = false }: PageProps) {
  const fontSize = useFontSize();
  return (
    <View className={`zj-page ${className ?? ''}`} style={{ fontSize: `${fontSize}px` }}>
      <AppNetworkBanner onOutboxPage={outbox} />
      {children}
      <PrivacyPopup />
    </View>
  );
}
