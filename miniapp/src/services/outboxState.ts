import Taro from '@tarojs/taro';
import { getSession } from './session';
import { createStore } from './store';

/**
 * The outbox's queue as kept on the device, apart from the code that sends it (`outbox.ts`): the
 * network banner on every page reads it, and the sending code (with every contract it may send
 * to) is not needed for a page's first screen.
 */

const STORAGE_KEY = 'zj.outbox';

export interface OutboxItem {
  /** Also the write's Idempotency-Key. */
  id: string;
  memberId: number;
  /** What the person sees, e.g. 保存报送草稿. */
  label: string;
  /** `resource.action` in `api`. */
  endpoint: string;
  input: { params?: unknown; query?: unknown; body?: unknown };
  /** A later write with the same key replaces this one while it waits (the latest draft is what counts). */
  coalesce?: string;
  createdAt: number;
  attempts: number;
  /** Not sent again before this time (ms): the backoff after a failed attempt. */
  nextAt: number;
  /** Why the last attempt did not get through. */
  lastError?: string;
}

export interface OutboxOutcome {
  id: string;
  label: string;
  ok: boolean;
  /** 已发送, or the server's refusal in its own words. */
  message: string;
  at: number;
}

export interface OutboxState {
  items: OutboxItem[];
  outcomes: OutboxOutcome[];
  /** The id of the item being sent now. */
  sending: string | null;
}

function load(): OutboxState {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY) as Partial<OutboxState> | '';
    if (stored && Array.isArray(stored.items)) return { items: stored.items, outcomes: stored.outcomes ?? [], sending: null };
  } catch {
    // Unreadable storage: start empty rather than not at all.
  }
  return { items: [], outcomes: [], sending: null };
}

export const outboxStore = createStore<OutboxState>(load());

/** Bytes of a JSON text as UTF-8 (how WeChat counts storage): 3 for each CJK character. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 2 : 3;
  }
  return bytes;
}

/** Keeps the new state in memory and on the device. */
export function saveOutbox(next: OutboxState): void {
  outboxStore.set(next);
  try {
    Taro.setStorageSync(STORAGE_KEY, { items: next.items, outcomes: next.outcomes });
  } catch {
    // Storage full: the items still wait in memory for this run of the app.
  }
}

export function currentMember(): number | null {
  return getSession()?.user.id ?? null;
}

/** The signed-in member's waiting writes (another member's, on a shared phone, wait for them). */
export function myOutboxItems(state: OutboxState = outboxStore.get()): OutboxItem[] {
  const member = currentMember();
  return state.items.filter((item) => item.memberId === member);
}
