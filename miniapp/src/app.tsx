import { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { keepSessionFresh } from './services/auth';
import { installPrivacyHandler } from './services/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
  });
  // Back from the background: renew a token that aged while timers were paused.
  useDidShow(() => {
    void keepSessionFresh();
  });
  return children;
}

export default App;
