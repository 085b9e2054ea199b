import type { ReactNode } from 'react';

/**
 * The mini-program has no desktop console: WeChat's own bars frame every page. The H5 build takes
 * frame.h5.tsx instead (Taro picks the platform's file), so the shell never reaches the weapp package.
 */
export function ConsoleFrame({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
