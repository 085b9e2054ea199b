import Taro from '@tarojs/taro';
import { ApiError } from '@zhijian/shared';
import { createStore } from './store';

/** What the app knows of the connection: none at all, or one WeChat calls weak. */
export interface NetworkState {
  online: boolean;
  weak: boolean;
}

export const networkStore = createStore<NetworkState>({ online: true, weak: false });

type Listener = () => void;
const cameBack = new Set<Listener>();

function set(next: Partial<NetworkState>): void {
  const before = networkStore.get();
  const state = { ...before, ...next };
  if (!state.online) state.weak = false;
  if (state.online === before.online && state.weak === before.weak) return;
  networkStore.set(state);
  if (state.online && !before.online) for (const listener of [...cameBack]) listener();
}

/** A request got no answer at all: the connection is gone (until a change says otherwise). */
export function markUnreachable(): void {
  set({ online: false });
}

/** A request got an answer: whatever the last event said, the network works. */
export function markReachable(): void {
  set({ online: true });
}

/** Whether a call got no answer at all (no network, or none in time): it may not have arrived. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.code === 'timeout');
}

export function isOffline(): boolean {
  return !networkStore.get().online;
}

/** Runs `listener` each time the network comes back; answers the unsubscribe. */
export function onNetworkBack(listener: Listener): () => void {
  cameBack.add(listener);
  return () => cameBack.delete(listener);
}

let watching = false;

/**
 * Follows the network from start-up: WeChat's `onNetworkStatusChange` and, where the base library
 * has it (2.29+), `onNetworkWeakChange`; in a browser also the page's online/offline events, which
 * Taro's H5 network API does not follow. Idempotent: the app shell calls it once.
 */
export function watchNetwork(): void {
  if (watching) return;
  watching = true;
  const api = Taro as unknown as {
    getNetworkType?: () => Promise<{ networkType: string }>;
    onNetworkStatusChange?: (listener: (result: { isConnected: boolean; networkType: string }) => void) => void;
    onNetworkWeakChange?: (listener: (result: { weakNet: boolean; networkType: string }) => void) => void;
  };
  const ignore = () => undefined;
  try {
    void Promise.resolve(api.getNetworkType?.())
      .then((result) => result && set({ online: result.networkType !== 'none' }))
      .catch(ignore);
    api.onNetworkStatusChange?.((result) => set({ online: result.isConnected }));
    if (process.env.TARO_ENV !== 'h5') api.onNetworkWeakChange?.((result) => set({ weak: result.weakNet }));
  } catch {
    // A platform without these APIs: requests that fail still mark the network unreachable.
  }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    if (window.navigator.onLine === false) set({ online: false });
    window.addEventListener('online', () => set({ online: true }));
    window.addEventListener('offline', () => set({ online: false }));
  }
}
