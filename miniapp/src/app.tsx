import { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { keepSessionFresh } from './services/auth';
import { onNetworkBack, watchNetwork } from './services/network';
import { offlineStore, refreshOfflineLibrary } from './services/offlineLibrary';
import { flushOutbox, startOutbox } from './services/outbox';
import { installPrivacyHandler } from './services/privacy';
import { sessionStore } from './services/session';
import './app.scss';

/** The offline copies are refreshed at most this often on their own (ETags make a refresh cheap, not free). */
const LIBRARY_REFRESH_MS = 10 * 60 * 1000;

function refreshLibraryIfDue(): void {
  const refreshedAt = offlineStore.get()?.refreshedAt ?? 0;
  if (Date.now() - refreshedAt > LIBRARY_REFRESH_MS) void refreshOfflineLibrary().catch(() => undefined);
}

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
    startOutbox();
    onNetworkBack(refreshLibraryIfDue);
    // Signed in (or another member now): download what to read offline, send what waited for them.
    let member = sessionStore.get()?.user.id;
    sessionStore.subscribe(() => {
      const now = sessionStore.get()?.user.id;
      if (now === member) return;
      member = now;
      if (now !== undefined) {
        void refreshOfflineLibrary().catch(() => undefined);
        void flushOutbox();
      }
    });
    silenceJavascriptLinks();
  });
  // Back from the background: renew a token that aged while timers were paused, send what waits,
  // bring the offline copies up to date.
  useDidShow(() => {
    void keepSessionFresh().then(() => {
      void flushOutbox();
      refreshLibraryIfDue();
    });
  });
  return children;
}

export default App;
