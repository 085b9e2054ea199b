/**
 * Runs Taro's real weapp output under miniprogram-simulate: WeChat's own WXML compiler renders the
 * page templates, j-component stands in for the WeChat runtime, and `wx` API calls go to doubles.
 * Taro pages call `Page()`; here each page becomes a component so simulate can render and tap it.
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const simulate = require('miniprogram-simulate') as Simulate;

export const DIST = path.resolve(import.meta.dirname, '../../../miniapp/dist/weapp');

// The weapp output is CommonJS as WeChat runs it, but it sits under miniapp/ whose package.json
// says "type": "module"; load its .js files as CommonJS, like WeChat does.
type CompileModule = { _compile(content: string, filename: string): void };
const extensions = (Module as unknown as { _extensions: Record<string, (module: CompileModule, filename: string) => void> })._extensions;
const loadJs = extensions['.js']!;
extensions['.js'] = (module, filename) => {
  if (filename.startsWith(DIST + path.sep)) module._compile(readFileSync(filename, 'utf8'), filename);
  else loadJs(module, filename);
};

interface Simulate {
  load(componentPath: string, options?: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): SimComponent;
  sleep(ms?: number): Promise<void>;
}

export interface SimComponent {
  dom: HTMLElement;
  instance: Record<string, unknown>;
  attach(parent: Element): void;
  detach(): void;
  querySelector(selector: string): SimComponent | undefined;
  querySelectorAll(selector: string): SimComponent[];
  dispatchEvent(name: string, options?: Record<string, unknown>): void;
}

export interface WxRequestOptions {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  success?: (res: { statusCode: number; header: Record<string, string>; data: unknown; errMsg: string }) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: unknown) => void;
}

export type WxRespond = (options: WxRequestOptions) => { status: number; body: unknown };

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };

const globals = globalThis as Record<string, unknown>;
let loadingRoute = '';
/** Query of the next rendered page (`renderPage(route, query)`), as WeChat passes it to onLoad. */
let nextQuery: Record<string, string> = {};
let appConfig: Record<string, (...args: unknown[]) => unknown> | null = null;
const pageStack: Array<Record<string, unknown>> = [];
const loadedPages = new Map<string, string>();

export const wxLog = {
  navigations: [] as Array<{ kind: string; url: string }>,
  requests: [] as WxRequestOptions[],
  storage: new Map<string, unknown>(),
  toasts: [] as string[],
  scrolls: [] as number[],
};

let respond: WxRespond = () => ({ status: 404, body: { error: { code: 'not_found', message: '请求的内容不存在' } } });

export function setResponder(next: WxRespond): void {
  respond = next;
}

function installWx(): void {
  const wx = globals.wx as Record<string, unknown>;
  const nav = (kind: string) => (options: { url?: string; success?: (res: unknown) => void; complete?: (res: unknown) => void }) => {
    wxLog.navigations.push({ kind, url: options.url ?? '' });
    const res = { errMsg: `${kind}:ok` };
    setTimeout(() => {
      options.success?.(res);
      options.complete?.(res);
    }, 0);
  };
  Object.assign(wx, {
    request(options: WxRequestOptions) {
      wxLog.requests.push(options);
      setTimeout(() => {
        const { status, body } = respond(options);
        const res = {
          statusCode: status,
          header: { 'Content-Type': 'application/json' },
          data: JSON.stringify(body),
          errMsg: 'request:ok',
        };
        options.success?.(res);
        options.complete?.(res);
      }, 0);
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} };
    },
    getStorageSync: (key: string) => wxLog.storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => wxLog.storage.set(key, JSON.parse(JSON.stringify(value))),
    removeStorageSync: (key: string) => wxLog.storage.delete(key),
    login(options: { success?: (res: unknown) => void; complete?: (res: unknown) => void }) {
      const res = { code: 'simulated-wx-code', errMsg: 'login:ok' };
      setTimeout(() => {
        options.success?.(res);
        options.complete?.(res);
      }, 0);
    },
    showToast(options: { title: string; success?: (res: unknown) => void }) {
      wxLog.toasts.push(options.title);
      setTimeout(() => options.success?.({ errMsg: 'showToast:ok' }), 0);
    },
    navigateTo: nav('navigateTo'),
    switchTab: nav('switchTab'),
    reLaunch: nav('reLaunch'),
    redirectTo: nav('redirectTo'),
    pageScrollTo(options: { scrollTop: number; success?: (res: unknown) => void; complete?: (res: unknown) => void }) {
      wxLog.scrolls.push(options.scrollTop);
      setTimeout(() => {
        options.success?.({ errMsg: 'pageScrollTo:ok' });
        options.complete?.({ errMsg: 'pageScrollTo:ok' });
      }, 0);
    },
    onNeedPrivacyAuthorization() {},
  });
}

/** Turns Taro's page options (onLoad, onShow, eh …) into a component definition simulate can render. */
function pageAsComponent(options: PageOptions, route: string): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value;
  const call = (self: unknown, name: string, ...args: unknown[]) =>
    (methods[name] as ((...a: unknown[]) => unknown) | undefined)?.apply(self, args);
  return {
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: Record<string, unknown>) {
        this.route = route;
        this.__route__ = route;
        const query = nextQuery;
        nextQuery = {};
        this.options = query;
        pageStack.push(this);
        call(this, 'onLoad', query);
        call(this, 'onShow');
      },
      ready(this: unknown) {
        call(this, 'onReady');
      },
      detached(this: Record<string, unknown>) {
        call(this, 'onUnload');
        pageStack.splice(pageStack.indexOf(this), 1);
      },
    },
  };
}

/** Loads the app once per test file: app.js pulls in runtime, taro, vendors and common chunks. */
export function bootApp(): void {
  if (appConfig) return;
  installWx();
  globals.App = (config: Record<string, (...args: unknown[]) => unknown>) => {
    appConfig = config;
  };
  globals.getApp = () => appConfig;
  globals.getCurrentPages = () => pageStack;
  globals.Page = (options: PageOptions) => (globals.Component as (d: unknown) => void)(pageAsComponent(options, loadingRoute));
  require(path.join(DIST, 'app.js'));
  if (!appConfig) throw new Error('app.js did not call App()');
  const launch = { path: 'pages/signin/index', query: {}, scene: 1001 };
  (appConfig as Record<string, ((...args: unknown[]) => unknown) | undefined>).onLaunch?.call(appConfig, launch);
  (appConfig as Record<string, ((...args: unknown[]) => unknown) | undefined>).onShow?.call(appConfig, launch);
}

/** Renders a page of the build (e.g. `pages/signin/index`, with its query) and attaches it to the document. */
export function renderPage(route: string, query: Record<string, string> = {}): SimComponent {
  bootApp();
  nextQuery = query;
  let id = loadedPages.get(route);
  if (!id) {
    // The page's script registers its component once (Node caches it); later renders reuse the id.
    loadingRoute = route;
    id = simulate.load(path.join(DIST, route), { rootPath: DIST });
    loadedPages.set(route, id);
  }
  const page = simulate.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  page.attach(parent);
  return page;
}

export async function settle(ms = 30): Promise<void> {
  await simulate.sleep(ms);
}

/** Waits until the rendered page shows a text (Taro renders after onLoad, asynchronously). */
export async function waitForText(page: SimComponent, text: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(page.dom.textContent ?? '').includes(text)) {
    if (Date.now() > deadline) throw new Error(`“${text}” did not appear; page shows: ${page.dom.textContent}`);
    await simulate.sleep(20);
  }
}

/** Polls a condition (page updates and answered requests are asynchronous). */
export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await simulate.sleep(20);
  }
}

/**
 * Types into the Taro Input whose placeholder is `placeholder`. The simulator does not always render
 * placeholders; a page with several inputs then names which one (`nth`, in page order).
 */
export function typeInto(page: SimComponent, placeholder: string, value: string, nth?: number): void {
  const input = [...page.dom.querySelectorAll('wx-input')].find((el) => el.getAttribute('placeholder') === placeholder) as
    HTMLElement | undefined;
  const host = input ?? findByDataPlaceholder(page, placeholder, nth);
  const sid = host.getAttribute('data-sid') ?? host.id;
  page.querySelector(`#${sid}`)!.dispatchEvent('input', { detail: { value } });
}

function findByDataPlaceholder(page: SimComponent, placeholder: string, nth?: number): HTMLElement {
  const all = [...page.dom.querySelectorAll('wx-input')] as HTMLElement[];
  if (all.length === 1) return all[0]!;
  if (nth !== undefined && all[nth]) return all[nth];
  throw new Error(`no input with placeholder “${placeholder}” among ${all.length}`);
}

/** Finds the innermost rendered element whose text is exactly `text` and taps it. */
export function tapText(page: SimComponent, text: string): void {
  const candidates = [...page.dom.querySelectorAll('*')].filter((el) => el.textContent?.trim() === text);
  const target = candidates.at(-1);
  if (!target) throw new Error(`nothing shows “${text}”`);
  tapElement(page, target as HTMLElement);
}

/**
 * Taps the nearest ancestor with a Taro node id, the way WeChat delivers `bindtap="eh"`: through the
 * compiled template's binding when the node renders with its Taro id, else (nodes with their own
 * `id`, which j-component does not expose) with the same event object straight to the page's `eh`.
 */
export function tapElement(page: SimComponent, element: HTMLElement): void {
  let el: HTMLElement | null = element;
  while (el && !el.getAttribute('data-sid')) el = el.parentElement;
  if (!el) throw new Error('tapped element has no Taro id');
  const sid = el.getAttribute('data-sid')!;
  const target = page.querySelector(`#${sid}`);
  if (target) {
    target.dispatchEvent('tap');
    return;
  }
  const node = { id: sid, dataset: { sid }, offsetLeft: 0, offsetTop: 0 };
  const eh = page.instance.eh as (event: unknown) => void;
  eh.call(page.instance, { type: 'tap', timeStamp: Date.now(), detail: { x: 0, y: 0 }, target: node, currentTarget: node, mark: {} });
}
