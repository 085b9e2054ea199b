import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ConsoleFrame } from '../../console/frame';
import { useFontSize } from '../../hooks/useFontSize';
import { AppNetworkBanner } from '../NetworkBanner';
import { PrivacyPopup } from '../PrivacyPopup';
import './index.scss';

interface PageProps {
  children: ReactNode;
  className?: string;
  /** The outbox page itself: its banner does not link to itself. */
  outbox?: boolean;
  /** What the page shows is being loaded again: a bar at the top, and the old content dimmed. */
  busy?: boolean;
}

/**
 * Root of every page: the network banner, the reader's body font size, comfortable line height,
 * privacy popup, and while the page waits for fresh data, a loading bar over its dimmed old content
 * (both fade in after 150 ms, so a quick answer does not flicker and a slow one is marked well
 * within 300 ms). In the H5 build at desktop width the console shell frames it (console/frame.h5.tsx).
 */
export function Page({ children, className, outbox = false, busy = false }: PageProps) {
  const fontSize = useFontSize();
  return (
    <ConsoleFrame>
      <View className={`zj-page ${className ?? ''}${busy ? ' zj-page--busy' : ''}`} style={{ fontSize: `${fontSize}px` }}>
        <AppNetworkBanner onOutboxPage={outbox} />
        {busy ? <View className="zj-page__busy" ariaRole="progressbar" ariaLabel="正在加载" /> : null}
        {children}
        <PrivacyPopup />
      </View>
    </ConsoleFrame>
  );
}
