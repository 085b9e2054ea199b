/**
 * Test double for @tarojs/taro: the APIs and hooks our pages use, with a `taroControl` handle so a
 * test can answer requests, inspect navigation and storage, and fire page events.
 */
import { useEffect, useRef } from 'react';

export interface RequestOptions {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  timeout?: number;
  dataType?: string;
  responseType?: string;
  success?: (res: { statusCode: number; header: Record<string, string>; data: unknown }) => void;
  fail?: (err: { errMsg: string }) => void;
}

export interface RawResponse {
  statusCode: number;
  header?: Record<string, string>;
  data: unknown;
}

type RequestHandler = (options: RequestOptions) => Promise<RawResponse> | RawResponse;
type Listener = () => void;

function createControl() {
  return {
    storage: new Map<string, unknown>(),
    requests: [] as RequestOptions[],
    requestHandler: (() => ({ statusCode: 404, data: '' })) as RequestHandler,
    navigations: [] as Array<{ kind: 'navigateTo' | 'switchTab' | 'reLaunch' | 'redirectTo' | 'navigateBack'; url?: string }>,
    toasts: [] as string[],
    modalConfirm: true,
    loginCode: 'wx-login-code',
    loginFails: false,
    routerParams: {} as Record<string, string>,
    /** The page shown (`getCurrentInstance().router.path`, `useRouter().path`); '' for none. */
    routerPath: '',
    /** How many pages the stack holds (`getCurrentPages().length`). */
    pageStack: 1,
    stopPullDownRefreshCalls: 0,
    privacyListener: null as null | ((resolve: (option: { event: string; buttonId?: string }) => void) => void),
    didShow: new Set<Listener>(),
    didHide: new Set<Listener>(),
    scrolls: [] as number[],
    /** `Taro.previewImage` calls: WeChat's full-screen photo viewer. */
    previews: [] as Array<{ current?: string; urls: string[] }>,
    modals: [] as Array<{ title?: string; content?: string; confirmColor?: string; cancelColor?: string }>,
    /** Answers `Taro.uploadFile` (the multipart field, URL, headers and picked file path are in `options`). */
    uploadHandler: (() => ({ statusCode: 404, data: '' })) as (options: UploadOptions) => Promise<RawResponse> | RawResponse,
    uploads: [] as UploadOptions[],
    /** What the WeChat subscription prompt answers per template ('accept', 'reject'), or a failure. */
    subscribeAnswer: 'accept' as string | Error,
    subscribeRequests: [] as string[][],
    pullDownRefresh: new Set<Listener>(),
    reachBottom: new Set<Listener>(),
    /** Every setKeepScreenOn call, in order. */
    keepScreenOn: [] as boolean[],
    /** What getLocation answers; null fails it (the member refused). */
    location: { latitude: 30.2741, longitude: 120.1551 } as { latitude: number; longitude: number } | null,
    locationCalls: 0,
    scanResult: null as string | null,
    /** The leave warning the page has on (enableAlertBeforeUnload), or null. */
    alertBeforeUnload: null as string | null,
    /** APIs `canIUse` denies, as on an older base library or in H5. */
    unsupported: new Set<string>(),
    /** The tab bar's badges by tab index. */
    tabBadges: new Map<number, string>(),
  };
}

type NetworkListener = (result: { isConnected: boolean; networkType: string }) => void;
type WeakListener = (result: { weakNet: boolean; networkType: string }) => void;
/** Kept across `reset()`: the app subscribes once, at launch, as WeChat apps do. */
const networkListeners = new Set<NetworkListener>();
const weakListeners = new Set<WeakListener>();

export const taroControl = {
  ...createControl(),
  reset() {
    Object.assign(taroControl, createControl());
  },
  /** WeChat's onNetworkStatusChange, as the phone loses or finds its connection. */
  fireNetworkStatus(isConnected: boolean) {
    for (const listener of [...networkListeners]) listener({ isConnected, networkType: isConnected ? 'wifi' : 'none' });
  },
  /** WeChat's onNetworkWeakChange. */
  fireNetworkWeak(weakNet: boolean) {
    for (const listener of [...weakListeners]) listener({ weakNet, networkType: '4g' });
  },
  firePullDownRefresh() {
    for (const listener of [...taroControl.pullDownRefresh]) listener();
  },
  fireReachBottom() {
    for (const listener of [...taroControl.reachBottom]) listener();
  },
  fireDidShow() {
    for (const listener of [...taroControl.didShow]) listener();
  },
  fireDidHide() {
    for (const listener of [...taroControl.didHide]) listener();
  },
};

export interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  fileName?: string;
  header?: Record<string, string>;
  timeout?: number;
}

function request(options: RequestOptions): Promise<RawResponse> {
  taroControl.requests.push(options);
  return Promise.resolve()
    .then(() => taroControl.requestHandler(options))
    .then(
      (res) => {
        const full = { statusCode: res.statusCode, header: res.header ?? {}, data: res.data };
        options.success?.(full);
        return full;
      },
      (error: unknown) => {
        const err = { errMsg: (error as { errMsg?: string }).errMsg ?? 'request:fail' };
        options.fail?.(err);
        throw err;
      },
    );
}

function navigation(kind: 'navigateTo' | 'switchTab' | 'reLaunch' | 'redirectTo' | 'navigateBack') {
  return (options: { url?: string } = {}) => {
    taroControl.navigations.push({ kind, url: options.url });
    return Promise.resolve({ errMsg: `${kind}:ok` });
  };
}

const Taro = {
  request,
  getStorageSync: (key: string): unknown => taroControl.storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => {
    taroControl.storage.set(key, structuredClone(value));
  },
  removeStorageSync: (key: string) => {
    taroControl.storage.delete(key);
  },
  login: () =>
    taroControl.loginFails
      ? Promise.reject({ errMsg: 'login:fail' })
      : Promise.resolve({ code: taroControl.loginCode, errMsg: 'login:ok' }),
  navigateTo: navigation('navigateTo'),
  switchTab: navigation('switchTab'),
  reLaunch: navigation('reLaunch'),
  redirectTo: navigation('redirectTo'),
  navigateBack: navigation('navigateBack'),
  showToast: (options: { title: string }) => {
    taroControl.toasts.push(options.title);
    return Promise.resolve({ errMsg: 'showToast:ok' });
  },
  showModal: (options: { title?: string; content?: string; confirmColor?: string; cancelColor?: string } = {}) => {
    taroControl.modals.push({
      title: options.title,
      content: options.content,
      confirmColor: options.confirmColor,
      cancelColor: options.cancelColor,
    });
    return Promise.resolve({ confirm: taroControl.modalConfirm, cancel: !taroControl.modalConfirm });
  },
  previewImage: (options: { current?: string; urls: string[] }) => {
    taroControl.previews.push({ current: options.current, urls: options.urls });
    return Promise.resolve({ errMsg: 'previewImage:ok' });
  },
  pageScrollTo: (options: { scrollTop: number }) => {
    taroControl.scrolls.push(options.scrollTop);
    return Promise.resolve({ errMsg: 'pageScrollTo:ok' });
  },
  requestSubscribeMessage: (options: { tmplIds: string[] }) => {
    taroControl.subscribeRequests.push(options.tmplIds);
    const answer = taroControl.subscribeAnswer;
    if (answer instanceof Error) return Promise.reject({ errMsg: `requestSubscribeMessage:fail ${answer.message}` });
    return Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(options.tmplIds.map((id) => [id, answer])) });
  },
  uploadFile: async (options: UploadOptions) => {
    taroControl.uploads.push(options);
    const res = await taroControl.uploadHandler(options);
    return { statusCode: res.statusCode, data: res.data, errMsg: 'uploadFile:ok' };
  },
  stopPullDownRefresh: () => {
    taroControl.stopPullDownRefreshCalls += 1;
    return Promise.resolve({ errMsg: 'stopPullDownRefresh:ok' });
  },
  onNeedPrivacyAuthorization: (listener: NonNullable<typeof taroControl.privacyListener>) => {
    taroControl.privacyListener = listener;
  },
  openPrivacyContract: () => undefined,
  setKeepScreenOn: (options: { keepScreenOn: boolean }) => {
    taroControl.keepScreenOn.push(options.keepScreenOn);
    return Promise.resolve({ errMsg: 'setKeepScreenOn:ok' });
  },
  getLocation: () => {
    taroControl.locationCalls += 1;
    return taroControl.location
      ? Promise.resolve({ ...taroControl.location, errMsg: 'getLocation:ok' })
      : Promise.reject({ errMsg: 'getLocation:fail auth deny' });
  },
  scanCode: () =>
    taroControl.scanResult
      ? Promise.resolve({ result: taroControl.scanResult, errMsg: 'scanCode:ok' })
      : Promise.reject({ errMsg: 'scanCode:fail cancel' }),
  getNetworkType: () => Promise.resolve({ networkType: 'wifi', errMsg: 'getNetworkType:ok' }),
  onNetworkStatusChange: (listener: NetworkListener) => {
    networkListeners.add(listener);
  },
  onNetworkWeakChange: (listener: WeakListener) => {
    weakListeners.add(listener);
  },
  setTabBarBadge: (options: { index: number; text: string }) => {
    taroControl.tabBadges.set(options.index, options.text);
    return Promise.resolve({ errMsg: 'setTabBarBadge:ok' });
  },
  removeTabBarBadge: (options: { index: number }) => {
    taroControl.tabBadges.delete(options.index);
    return Promise.resolve({ errMsg: 'removeTabBarBadge:ok' });
  },
  canIUse: (name: string) => !taroControl.unsupported.has(name),
  enableAlertBeforeUnload: (options: { message: string }) => {
    taroControl.alertBeforeUnload = options.message;
    return Promise.resolve({ errMsg: 'enableAlertBeforeUnload:ok' });
  },
  disableAlertBeforeUnload: () => {
    taroControl.alertBeforeUnload = null;
    return Promise.resolve({ errMsg: 'disableAlertBeforeUnload:ok' });
  },
  getEnv: () => 'WEB',
  getCurrentInstance: () => ({ router: { path: taroControl.routerPath, params: taroControl.routerParams }, page: null }),
  getCurrentPages: () => Array.from({ length: taroControl.pageStack }, () => ({})),
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
};

export default Taro;

function useRegistered(registry: Set<Listener>, callback: () => void) {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    const listener = () => ref.current();
    registry.add(listener);
    return () => {
      registry.delete(listener);
    };
  }, [registry]);
}

/** Runs on mount (the page shows), and again on `taroControl.fireDidShow()`. */
export function useDidShow(callback: () => void) {
  useRegistered(taroControl.didShow, callback);
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    ref.current();
  }, []);
}

export function useDidHide(callback: () => void) {
  useRegistered(taroControl.didHide, callback);
}

export function useLaunch(callback: () => void) {
  useEffect(() => callback(), []);
}

export function useLoad(callback: (params: Record<string, string>) => void) {
  useEffect(() => callback(taroControl.routerParams), []);
}

export function usePullDownRefresh(callback: () => void) {
  useRegistered(taroControl.pullDownRefresh, callback);
}

export function useReachBottom(callback: () => void) {
  useRegistered(taroControl.reachBottom, callback);
}

export function useRouter() {
  return { params: taroControl.routerParams, path: taroControl.routerPath };
}
