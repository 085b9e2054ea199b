/**
 * H5 only: a page whose code arrives after the address has moved on is not shown.
 *
 * Taro's H5 router renders each change of address on its own: it awaits the page's code (a chunk
 * fetched on first use), then hides the page shown and shows the one loaded. Two taps in a row run
 * two such renders at once, and the one whose code arrives last wins, whichever was tapped last:
 * 报送 tapped and then 简报 (its code already in) showed 简报, then 报送 over it when 报送's code came,
 * with 简报 in the address bar. Taro guards only two renders of the same page (`pageLock`).
 *
 * Each route's loader is wrapped here: once the page's code is in, the page is handed over only if
 * the address still names it; otherwise the router is handed no page, and Taro's render stops there
 * (`if (!element) return`) before it hides or shows anything. The render of the address's own page
 * is on its way (every change of address starts one), so the page tapped last is the one shown.
 * Installed into the H5 entry before the router starts (config/h5Routes.ts).
 */

/** What Taro's router passes a route's loader: `pathname` is the address being rendered. */
export interface PageLoadContext {
  pathname: string;
}

/** A page's route as Taro's H5 entry lists it: the loader answers [the page's module, context, params]. */
export interface PageRoute {
  path: string;
  load(context: PageLoadContext, params: unknown): [Promise<unknown>, PageLoadContext, unknown];
}

/** The routes, each handing over its page only while `currentPath()` (the address) is still that page's. */
export function onlyCurrentPageLoads<R extends PageRoute>(routes: readonly R[], currentPath: () => string): R[] {
  return routes.map((route) => ({
    ...route,
    load(context: PageLoadContext, params: unknown): [Promise<unknown>, PageLoadContext, unknown] {
      const [page, loadedContext, loadedParams] = route.load(context, params);
      const current = page.then((module) => (currentPath() === context.pathname ? module : null));
      return [current, loadedContext, loadedParams];
    },
  }));
}
