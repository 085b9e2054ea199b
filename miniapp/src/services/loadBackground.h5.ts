import type * as BackgroundModule from './background';

type Background = typeof BackgroundModule;

let loading: Promise<Background> | null = null;

/**
 * Resolves once the page has loaded (its first screen's scripts included) and the browser is then
 * idle: the first page has been drawn. Waiting for `load` alone was not enough once index.html
 * preloads the first page's chunks: they are already there when the router asks for them, `load`
 * comes before the page has rendered, and the background's contracts ran in the middle of it.
 * Without requestIdleCallback (Safari), one more task after `load`.
 */
function afterFirstScreen(): Promise<void> {
  return new Promise((resolve) => {
    const go = () =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 2_000 }) : setTimeout(resolve, 0);
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
