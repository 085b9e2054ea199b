import { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { keepSessionFresh } from './services/auth';
import { loadBackground } from './services/loadBackground';
import { watchNetwork } from './services/network';
import { installPrivacyHandler } from './services/privacy';
import { sessionStore } from './services/session';
import './app.scss';

/**
 * Taro's H5 tab bar items are `<a href="javascript:;">`: under our Content Security Policy
 * (script-src 'self') each tap logged a CSP violation. The tab switch is Taro's own click handler,
 * so the link's default action is not needed; it is cancelled before the browser runs it.
 */
function silenceJavascriptLinks(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="javascript:"]');
      if (link) event.preventDefault();
    },
    true,
  );
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyHandler();
    watchNetwork();
    void loadBackground().then((background) => background.startBackground());
    // Signed in (or another member now): download what to read offline, send what waited for them.
    let member = sessionStore.get()?.user.id;
    sessionStore.subscribe(() => {
      const now = sessionStore.get()?.user.id;
      if (now === member) return;
      member = now;
      if (now !== undefined) void loadBackground().then((background) => background.onMemberSignedIn());
    });
    silenceJavascriptLinks();
  });
  // Back from the background: renew a token that aged while timers were paused, send what waits,
  // bring the offline copies up to date.
  useDidShow(() => {
    void keepSessionFresh()
      .then(loadBackground)
      .then((background) => background.onAppShown());
  });
  return children;
}

export default App;
