import {
  api,
  ApiError,
  commonRefusals,
  type Endpoint,
  type EndpointInput,
  type EndpointOutput,
  isRefusal,
  randomIdempotencyKey,
} from '@zhijian/shared';
import { call } from './api';
import { UserError } from './errors';
import { isOffline, isUnreachable, onNetworkBack } from './network';
import {
  currentMember,
  myOutboxItems,
  outboxStore,
  saveOutbox as save,
  utf8Bytes,
  type OutboxItem,
  type OutboxOutcome,
} from './outboxState';

/**
 * The outbox: writes made offline, or whose answer was lost to a timeout, kept on the device and
 * sent in order when the network returns. Each keeps the `Idempotency-Key` it was first sent with,
 * so a write that did reach the server before its answer was lost is not done twice.
 *
 * Which writes may wait here is decided per service: a draft, a read report, a favourite may; a
 * check-in scan may not (its code lives 30 s), nor a sign-in or a submission with a deadline.
 */

/** The most writes that wait; more is refused, so a phone left offline for weeks stays within bounds. */
export const OUTBOX_MAX_ITEMS = 200;
/** WeChat keeps at most 1 MB under one key (10 MB in all); the outbox stays well under that. */
export const OUTBOX_MAX_BYTES = 900 * 1024;
/** Outcomes kept for the person to see (sent, or refused with the server's message). */
const OUTCOMES_KEPT = 20;
const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;

// Where the queue is kept; re-exported so callers keep one module to import from.
export { myOutboxItems, outboxStore, utf8Bytes, type OutboxItem, type OutboxOutcome, type OutboxState } from './outboxState';

type Settle = { resolve: (value: unknown) => void; reject: (error: unknown) => void };
/** Callers still waiting for an item's answer in this run of the app (a draft form, say). */
const waiting = new Map<string, Settle>();

function endpointName(endpoint: Endpoint): string {
  for (const [resource, endpoints] of Object.entries(api)) {
    for (const [action, candidate] of Object.entries(endpoints as Record<string, Endpoint>)) {
      if (candidate === endpoint) return `${resource}.${action}`;
    }
  }
  throw new Error(`not an endpoint of api: ${endpoint.method} ${endpoint.path}`);
}

function endpointNamed(name: string): Endpoint | undefined {
  const [resource, action] = name.split('.');
  return (api as unknown as Record<string, Record<string, Endpoint> | undefined>)[resource ?? '']?.[action ?? ''];
}

export interface Queued<R> {
  queued: true;
  id: string;
  /** Settles when the outbox gets the server's answer (in this run of the app). */
  delivered: Promise<R>;
}

/**
 * Puts a write in the outbox. Refused (UserError) when the outbox is full by count or by size.
 * With `coalesce`, a waiting write with the same key that has never been tried is replaced.
 */
export function enqueue<E extends Endpoint>(
  label: string,
  endpoint: E,
  input: EndpointInput<E>,
  options: { key?: string; coalesce?: string; now?: number } = {},
): Queued<EndpointOutput<E>> {
  const memberId = currentMember();
  if (memberId === null) throw new UserError('请先登录');
  const now = options.now ?? Date.now();
  const item: OutboxItem = {
    id: options.key ?? randomIdempotencyKey(),
    memberId,
    label,
    endpoint: endpointName(endpoint),
    input: input as OutboxItem['input'],
    coalesce: options.coalesce,
    createdAt: now,
    attempts: 0,
    nextAt: now,
  };
  const state = outboxStore.get();
  const replaced = state.items.filter(
    (old) =>
      options.coalesce && old.coalesce === options.coalesce && old.memberId === memberId && old.attempts === 0 && old.id !== state.sending,
  );
  for (const old of replaced) waiting.get(old.id)?.reject(new UserError('已被更新的内容替代'));
  const items = [...state.items.filter((old) => !replaced.includes(old)), item];
  if (items.length > OUTBOX_MAX_ITEMS) throw new UserError(`待发送的内容已有 ${OUTBOX_MAX_ITEMS} 项，请联网发送后再操作`);
  if (utf8Bytes(JSON.stringify({ items, outcomes: state.outcomes })) > OUTBOX_MAX_BYTES) {
    throw new UserError('待发送的内容已占满本机空间，请联网发送后再操作');
  }
  save({ ...state, items });
  const delivered = new Promise<EndpointOutput<E>>((resolve, reject) => {
    waiting.set(item.id, { resolve: resolve as (value: unknown) => void, reject });
  });
  // Nobody may wait for it (a read report): an unhandled rejection would be noise.
  delivered.catch(() => undefined);
  return { queued: true, id: item.id, delivered };
}

/**
 * Sends a write now, or queues it: when the network is known to be gone, when earlier writes still
 * wait (they go first, in order), or when this one got no answer (it keeps its key, so if it did
 * arrive the server answers the retry with the kept answer).
 */
export async function sendOrQueue<E extends Endpoint>(
  label: string,
  endpoint: E,
  input: EndpointInput<E>,
  options: { coalesce?: string } = {},
): Promise<{ queued: false; result: EndpointOutput<E> } | Queued<EndpointOutput<E>>> {
  if (isOffline() || myOutboxItems().length > 0) {
    const queued = enqueue(label, endpoint, input, options);
    void flushOutbox();
    return queued;
  }
  const key = randomIdempotencyKey();
  try {
    return { queued: false, result: await call(endpoint, input, { idempotencyKey: key }) };
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    const queued = enqueue(label, endpoint, input, { ...options, key });
    scheduleFlush(BACKOFF_BASE_MS);
    return queued;
  }
}

/** Takes a waiting write out; one being sent right now cannot be taken back. */
export function cancelOutboxItem(id: string): boolean {
  const state = outboxStore.get();
  if (state.sending === id || !state.items.some((item) => item.id === id)) return false;
  save({ ...state, items: state.items.filter((item) => item.id !== id) });
  waiting.get(id)?.reject(new UserError('已取消发送'));
  waiting.delete(id);
  return true;
}

export function dismissOutcome(id: string): void {
  const state = outboxStore.get();
  save({ ...state, outcomes: state.outcomes.filter((outcome) => outcome.id !== id) });
}

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

let timer: ReturnType<typeof setTimeout> | null = null;

function scheduleFlush(delayMs: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void flushOutbox();
  }, delayMs);
}

function finish(item: OutboxItem, outcome: Omit<OutboxOutcome, 'id' | 'label' | 'at'>, now: number): void {
  const state = outboxStore.get();
  save({
    items: state.items.filter((other) => other.id !== item.id),
    outcomes: [{ id: item.id, label: item.label, at: now, ...outcome }, ...state.outcomes].slice(0, OUTCOMES_KEPT),
    sending: null,
  });
}

let flushing: Promise<void> | null = null;

/**
 * Sends the member's waiting writes one by one, oldest first. A write the server answers leaves the
 * outbox with its outcome (a refusal is an answer: it is shown, not retried). One that gets no
 * answer, a 5xx, or a "still in progress" stays, and so does everything after it, until a backoff
 * (2 s, 4 s, … 5 min) has passed or the network comes back. `force` ignores the backoff.
 */
export function flushOutbox(options: { force?: boolean } = {}): Promise<void> {
  flushing ??= sendAll(options.force ?? false).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll(force: boolean): Promise<void> {
  // Known offline: wait for the network to come back (`startOutbox`), which sends with `force`.
  if (!force && isOffline()) return;
  for (;;) {
    const [item] = myOutboxItems();
    if (!item) return;
    const now = Date.now();
    if (!force && item.nextAt > now) {
      scheduleFlush(item.nextAt - now);
      return;
    }
    const endpoint = endpointNamed(item.endpoint);
    if (!endpoint) {
      finish(item, { ok: false, message: '这项内容已无法发送（应用已更新），请重新操作' }, now);
      continue;
    }
    save({ ...outboxStore.get(), sending: item.id });
    try {
      const result = await call(endpoint, item.input as never, { idempotencyKey: item.id });
      finish(item, { ok: true, message: '已发送' }, Date.now());
      waiting.get(item.id)?.resolve(result);
      waiting.delete(item.id);
    } catch (error) {
      const retry =
        !(error instanceof ApiError) ||
        isUnreachable(error) ||
        error.status >= 500 ||
        error.status === 401 ||
        isRefusal(error, commonRefusals.idempotency_in_progress);
      if (!retry) {
        finish(item, { ok: false, message: (error as ApiError).message }, Date.now());
        waiting.get(item.id)?.reject(error);
        waiting.delete(item.id);
        continue;
      }
      const attempts = item.attempts + 1;
      const state = outboxStore.get();
      const message = error instanceof Error ? error.message : '发送失败';
      save({
        ...state,
        sending: null,
        items: state.items.map((other) =>
          other.id === item.id ? { ...other, attempts, nextAt: Date.now() + backoffMs(attempts), lastError: message } : other,
        ),
      });
      if (!isOffline()) scheduleFlush(backoffMs(attempts));
      return;
    }
  }
}

let started = false;

/** From app launch: sends what waits now and each time the network comes back. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  onNetworkBack(() => void flushOutbox({ force: true }));
  if (!isOffline()) void flushOutbox();
}
