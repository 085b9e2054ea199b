import path from 'node:path';

/**
 * The H5 entry that Taro generates lists the pages' routes, then starts the router. Its framework
 * and platform plugins add code between the two through the main plugin's `loaderMeta` (an import,
 * and a statement run before the app is created); the same hook wraps the routes here, so a page
 * whose code arrives after the address moved on is not shown (src/services/pageLoads.h5.ts).
 * Only the H5 build has this entry: the weapp build and its navigation are untouched.
 */
interface LoaderMeta {
  extraImportForWeb?: string;
  execBeforeCreateWebApp?: string;
}
interface MainPluginChain {
  plugin(name: string): { tap(update: (args: Array<{ loaderMeta?: LoaderMeta }>) => unknown[]): unknown };
}

const PAGE_LOADS = path.resolve(__dirname, '../src/services/pageLoads.h5.ts');

export function showOnlyCurrentPageLoads(chain: MainPluginChain): void {
  chain.plugin('mainPlugin').tap((args) => {
    const meta = (args[0]!.loaderMeta ??= {});
    meta.extraImportForWeb =
      `${meta.extraImportForWeb ?? ''}import { history as pageLoadsHistory } from '@tarojs/router'\n` +
      `import { onlyCurrentPageLoads } from ${JSON.stringify(PAGE_LOADS)}\n`;
    // The router renders decodeURI(location.pathname); the address is compared the same way.
    meta.execBeforeCreateWebApp =
      `${meta.execBeforeCreateWebApp ?? ''}` +
      `config.routes = onlyCurrentPageLoads(config.routes, () => decodeURI(pageLoadsHistory.location.pathname))\n`;
    return args;
  });
}
