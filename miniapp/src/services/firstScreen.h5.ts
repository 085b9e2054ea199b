import type { SplashForm, SplashListener } from './firstScreen';

export type { SplashForm, SplashListener } from './firstScreen';

/**
 * index.html's sign-in form (src/splash.js) works before the app's code has run; once the page
 * is drawn it gives way, and says so with window events: `zj:splash-handover` with what was typed
 * (sent in the same task that draws the page, so a listener added in a layout effect hears it),
 * `zj:signed-in` when its sign-in is answered (the session is in storage by then).
 */
export function onFirstScreenForm(listener: SplashListener): () => void {
  const handover = (event: Event) => listener.handover((event as CustomEvent<SplashForm>).detail);
  const signedIn = () => listener.signedIn();
  window.addEventListener('zj:splash-handover', handover);
  window.addEventListener('zj:signed-in', signedIn);
  return () => {
    window.removeEventListener('zj:splash-handover', handover);
    window.removeEventListener('zj:signed-in', signedIn);
  };
}
