import type * as BackgroundModule from './background';

type Background = typeof BackgroundModule;

let loading: Promise<Background> | null = null;

/** Resolves once the page has loaded (its first screen's scripts included), then after one more task. */
function afterFirstScreen(): Promise<void> {
  return new Promise((resolve) => {
    const go = () => setTimeout(resolve, 0);
    if (document.readyState === 'complete') go();
    else window.addEventListener('load', go, { once: true });
  });
}

/**
 * In H5 the outbox and the offline library (and with them every contract a queued write may go
 * to) are a chunk of their own, fetched after the first screen: the sign-in page does not wait
 * for code it does not use (issue 21).
 */
export function loadBackground(): Promise<Background> {
  loading ??= afterFirstScreen().then(() => import(/* webpackChunkName: "background" */ './background'));
  return loading;
}
