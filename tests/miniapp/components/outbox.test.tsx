import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Text } from '@tarojs/components';
import { entryRefusals } from '@zhijian/shared';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Page } from '../../../miniapp/src/components/Page';
import OutboxPage from '../../../miniapp/src/packages/offline/outbox';
import { reportRead, setFavourite } from '../../../miniapp/src/services/bulletins';
import { networkStore, watchNetwork } from '../../../miniapp/src/services/network';
import { flushOutbox, OUTBOX_MAX_ITEMS, outboxStore, startOutbox } from '../../../miniapp/src/services/outbox';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { updateEntry } from '../../../miniapp/src/services/submissions';
import { apiRefusal, installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { makeEntry } from '../../support/taro/submissionFactories';
import { taroControl, type RawResponse } from '../../support/taro/taro';

/**
 * A fake network in front of the fake API: offline, no request gets an answer (WeChat's
 * "request:fail"); with `loseNextAnswer`, the next request reaches the server but its answer is
 * lost to a timeout. The phone's network events are fired as WeChat fires them.
 */
function fakeNetwork(routes: Record<string, (request: FakeRequest) => RawResponse>) {
  const server = installFakeApi(routes);
  const reach = taroControl.requestHandler;
  const net = { offline: false, loseNextAnswer: false };
  taroControl.requestHandler = async (options) => {
    if (net.offline) throw { errMsg: 'request:fail' };
    const answer = await reach(options);
    if (net.loseNextAnswer) {
      net.loseNextAnswer = false;
      throw { errMsg: 'request:fail timeout' };
    }
    return answer;
  };
  return {
    server,
    net,
    goOffline() {
      net.offline = true;
      taroControl.fireNetworkStatus(false);
    },
    goOnline() {
      net.offline = false;
      taroControl.fireNetworkStatus(true);
    },
  };
}

const draft = { title: '离线写的草稿', version: 3 };

beforeAll(() => {
  // As in WeChat (the weak-network event exists there only); the app shell does this at launch.
  process.env.TARO_ENV = 'weapp';
  watchNetwork();
  startOutbox();
});

beforeEach(() => {
  clearSession();
  saveSession(makeSignedIn(makeMe({ id: 7 })));
  outboxStore.set({ items: [], outcomes: [], sending: null });
  networkStore.set({ online: true, weak: false });
});

describe('the outbox', () => {
  it('keeps a favourite made offline, shows it waiting, and sends it once, with its key, when the network returns', async () => {
    const phone = fakeNetwork({ 'PUT /api/bulletins/articles/12/favourite': () => json(200, { favourite: true }) });
    render(
      <Page>
        <Text>页面内容</Text>
      </Page>,
    );
    phone.goOffline();
    expect(await setFavourite(12, true)).toBe(true);
    expect(await screen.findByText('网络已断开：可阅读已下载的简报，保存的内容联网后自动发送')).toBeInTheDocument();
    expect(screen.getByText('1 项待发送')).toBeInTheDocument();
    expect(phone.server.callsTo('PUT', '/api/bulletins/articles/12/favourite')).toHaveLength(0);
    const [waiting] = outboxStore.get().items;

    phone.goOnline();
    await waitFor(() => expect(outboxStore.get().items).toEqual([]));
    const sent = phone.server.callsTo('PUT', '/api/bulletins/articles/12/favourite');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['idempotency-key']).toBe(waiting!.id);
    expect(outboxStore.get().outcomes[0]).toMatchObject({ label: '收藏文章', ok: true, message: '已发送' });
    expect(screen.queryByText(/网络已断开/)).toBeNull();
    expect(taroControl.toasts).toEqual([]);
  });

  it('keeps a write whose answer was lost to a timeout under the same key, so the retry is the same request', async () => {
    const phone = fakeNetwork({ 'POST /api/bulletins/articles/12/read': () => json(200, { read: true, secondsToRead: 8 }) });
    phone.net.loseNextAnswer = true;
    expect(await reportRead(12, 30, new Date('2026-12-01T12:30:00Z'))).toBeNull();
    expect(outboxStore.get().items).toHaveLength(1);

    await flushOutbox({ force: true });
    const [first, retry] = phone.server.callsTo('POST', '/api/bulletins/articles/12/read');
    expect(retry!.headers['idempotency-key']).toBe(first!.headers['idempotency-key']);
    expect(retry!.body).toEqual(first!.body);
    expect(retry!.body).toEqual({ seconds: 30, readAt: '2026-12-01T12:30:00.000Z' });
    expect(outboxStore.get().items).toEqual([]);
  });

  it('sends in order, and a refusal is an outcome shown with its message while later writes still go', async () => {
    const order: string[] = [];
    const phone = fakeNetwork({
      'PATCH /api/entries/5': (request) => {
        order.push(request.path);
        return apiRefusal(entryRefusals.entry_changed_elsewhere, { version: 4 });
      },
      'PUT /api/bulletins/articles/12/favourite': (request) => {
        order.push(request.path);
        return json(200, { favourite: true });
      },
    });
    phone.goOffline();
    let queued = false;
    const saving = updateEntry(5, draft, () => (queued = true));
    await waitFor(() => expect(queued).toBe(true));
    await setFavourite(12, true);
    render(<OutboxPage />);
    expect(await screen.findByText('保存报送草稿')).toBeInTheDocument();
    expect(screen.getByText('收藏文章')).toBeInTheDocument();

    phone.goOnline();
    await expect(saving).rejects.toThrow('报送已在别处更新，请刷新后再修改');
    await waitFor(() => expect(outboxStore.get().items).toEqual([]));
    expect(order).toEqual(['/api/entries/5', '/api/bulletins/articles/12/favourite']);
    expect(await screen.findByText('报送已在别处更新，请刷新后再修改')).toBeInTheDocument();
    expect(screen.getByText('✓ 收藏文章', { exact: false })).toBeInTheDocument();
  });

  it('replaces a waiting draft save with the newer one of the same entry', async () => {
    const phone = fakeNetwork({
      'PATCH /api/entries/5': (request) => json(200, makeEntry({ id: 5, title: (request.body as { title: string }).title, version: 4 })),
    });
    phone.goOffline();
    const older = expect(updateEntry(5, { ...draft, title: '第一稿' })).rejects.toThrow('已被更新的内容替代');
    const newer = updateEntry(5, { ...draft, title: '第二稿' });
    await waitFor(() => expect(outboxStore.get().items).toHaveLength(1));
    await older;
    phone.goOnline();
    await expect(newer).resolves.toMatchObject({ title: '第二稿' });
    expect(phone.server.callsTo('PATCH', '/api/entries/5').map((call) => (call.body as { title: string }).title)).toEqual(['第二稿']);
  });

  it('lets the person cancel a waiting write: it is never sent', async () => {
    const phone = fakeNetwork({ 'PUT /api/bulletins/articles/12/favourite': () => json(200, { favourite: true }) });
    phone.goOffline();
    await setFavourite(12, true);
    render(<OutboxPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消' }));
    await waitFor(() => expect(outboxStore.get().items).toEqual([]));
    expect(await screen.findByText('没有待发送的内容。')).toBeInTheDocument();
    phone.goOnline();
    await flushOutbox({ force: true });
    expect(phone.server.callsTo('PUT', '/api/bulletins/articles/12/favourite')).toHaveLength(0);
  });

  it(`holds at most ${OUTBOX_MAX_ITEMS} writes, stored under one key within WeChat's 1 MB`, async () => {
    const phone = fakeNetwork({});
    phone.goOffline();
    for (let id = 1; id <= OUTBOX_MAX_ITEMS; id += 1) await reportRead(id, 30);
    await expect(reportRead(OUTBOX_MAX_ITEMS + 1, 30)).rejects.toThrow(`待发送的内容已有 ${OUTBOX_MAX_ITEMS} 项`);
    const stored = taroControl.storage.get('zj.outbox') as { items: unknown[] };
    expect(stored.items).toHaveLength(OUTBOX_MAX_ITEMS);
    expect(JSON.stringify(stored).length).toBeLessThan(1024 * 1024);
  });

  it('says when the network is weak, and nothing when all is well', async () => {
    fakeNetwork({});
    render(
      <Page>
        <Text>页面内容</Text>
      </Page>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    taroControl.fireNetworkWeak(true);
    expect(await screen.findByText('网络信号弱，加载可能较慢')).toBeInTheDocument();
    taroControl.fireNetworkWeak(false);
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
  });
});
