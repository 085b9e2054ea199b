import { describe, expect, it } from 'vitest';
import { showOnlyCurrentPageLoads } from '../../../miniapp/config/h5Routes';
import { onlyCurrentPageLoads, type PageLoadContext, type PageRoute } from '../../../miniapp/src/services/pageLoads.h5';

/** A route whose page's code arrives when the test says so, as a chunk on a slow link. */
function slowRoute(path: string) {
  let arrive!: (module: unknown) => void;
  const module = { default: `page ${path}` };
  const route: PageRoute & { navigationBarTitleText: string } = {
    path,
    navigationBarTitleText: `title of ${path}`,
    load: (context: PageLoadContext, params: unknown) => [new Promise((resolve) => (arrive = resolve)), context, params],
  };
  return { route, module, arrive: () => arrive(module) };
}

describe('onlyCurrentPageLoads', () => {
  it('hands over the page when the address still names it once its code is in', async () => {
    const submit = slowRoute('pages/submit/index');
    const [route] = onlyCurrentPageLoads([submit.route], () => '/pages/submit/index');
    const context = { pathname: '/pages/submit/index' };
    const [page, loadedContext, params] = route!.load(context, { id: '3' });
    submit.arrive();
    expect(await page).toBe(submit.module);
    expect(loadedContext).toBe(context);
    expect(params).toEqual({ id: '3' });
  });

  it('hands over no page when the address moved on to another page while its code loaded', async () => {
    const submit = slowRoute('pages/submit/index');
    let address = '/pages/submit/index';
    const [route] = onlyCurrentPageLoads([submit.route], () => address);
    const [page] = route!.load({ pathname: '/pages/submit/index' }, {});
    address = '/pages/bulletin/index';
    submit.arrive();
    expect(await page).toBeNull();
  });

  it('judges by the address when the code arrives: back on the page by then, it is handed over', async () => {
    const submit = slowRoute('pages/submit/index');
    let address = '/pages/submit/index';
    const [route] = onlyCurrentPageLoads([submit.route], () => address);
    const [page] = route!.load({ pathname: '/pages/submit/index' }, {});
    address = '/pages/bulletin/index';
    address = '/pages/submit/index';
    submit.arrive();
    expect(await page).toBe(submit.module);
  });

  it('keeps every other field of a route (the page config Taro reads) and the order of the routes', () => {
    const routes = [slowRoute('pages/bulletin/index').route, slowRoute('pages/me/index').route];
    const wrapped = onlyCurrentPageLoads(routes, () => '/');
    expect(wrapped.map((route) => [route.path, route.navigationBarTitleText])).toEqual([
      ['pages/bulletin/index', 'title of pages/bulletin/index'],
      ['pages/me/index', 'title of pages/me/index'],
    ]);
  });

  it('passes a failed load on as it is', async () => {
    const failing: PageRoute = {
      path: 'pages/me/index',
      load: (context, params) => [Promise.reject(new Error('chunk failed')), context, params],
    };
    const [route] = onlyCurrentPageLoads([failing], () => '/pages/me/index');
    await expect(route!.load({ pathname: '/pages/me/index' }, {})[0]).rejects.toThrow('chunk failed');
  });
});

describe('showOnlyCurrentPageLoads (the H5 entry)', () => {
  function tapped(loaderMeta?: { extraImportForWeb?: string; execBeforeCreateWebApp?: string }) {
    let args: Array<{ loaderMeta?: typeof loaderMeta }> = [{ loaderMeta }];
    showOnlyCurrentPageLoads({ plugin: () => ({ tap: (update) => (args = update(args) as typeof args) }) });
    return args[0]!.loaderMeta!;
  }

  it('wraps the routes before the router starts, after what the platform plugin added', () => {
    const meta = tapped({ extraImportForWeb: "import 'platform'\n", execBeforeCreateWebApp: 'platform()\n' });
    expect(meta.extraImportForWeb).toMatch(/^import 'platform'\n/);
    expect(meta.extraImportForWeb).toContain("import { history as pageLoadsHistory } from '@tarojs/router'");
    expect(meta.extraImportForWeb).toMatch(/import \{ onlyCurrentPageLoads \} from ".*\/miniapp\/src\/services\/pageLoads\.h5\.ts"/);
    expect(meta.execBeforeCreateWebApp).toBe(
      'platform()\nconfig.routes = onlyCurrentPageLoads(config.routes, () => decodeURI(pageLoadsHistory.location.pathname))\n',
    );
  });

  it('starts the loader meta when no plugin did', () => {
    const meta = tapped(undefined);
    expect(meta.extraImportForWeb).toMatch(/^import \{ history as pageLoadsHistory \}/);
    expect(meta.execBeforeCreateWebApp).toMatch(/^config\.routes = onlyCurrentPageLoads/);
  });
});
