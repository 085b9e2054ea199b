import { beforeAll, describe, expect, it } from 'vitest';
import { renderPage, setResponder, tapText, typeInto, waitFor, waitForText, wxLog, type WxRequestOptions } from './harness';

const unitAdmin = {
  id: 2,
  name: '赵六',
  phoneMasked: '136****0002',
  phoneTail: '0002',
  kind: 'fixed',
  roles: ['member', 'unit_admin'],
  unit: { id: 7, name: '荣盛集团' },
  branch: null,
  group: null,
};

const members = Array.from({ length: 23 }, (_, i) => ({
  id: i + 1,
  name: `成员${i + 1}`,
  phoneMasked: `135****${String(i + 1).padStart(4, '0')}`,
  kind: 'fixed',
  roles: ['member'],
  unitId: 7,
  branchId: null,
  branchName: null,
  joinedPartyOn: i === 0 ? '2015-07-01' : null,
  bound: i % 2 === 0,
}));

function api(options: WxRequestOptions) {
  const url = new URL(options.url);
  if (url.pathname === '/api/units/7/members') {
    const page = Number(url.searchParams.get('page'));
    const pageSize = Number(url.searchParams.get('pageSize'));
    const q = url.searchParams.get('q');
    const matching = q ? members.filter((m) => m.name === q) : members;
    return { status: 200, body: { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize } };
  }
  return { status: 404, body: { error: { code: 'not_found', message: '请求的内容不存在' } } };
}

describe('weapp build: 单位名册 (unit-admin subpackage)', () => {
  beforeAll(() => {
    // Signed in as a unit admin before the app starts, as a returning user would be.
    wxLog.storage.set('zj.session', {
      token: 'admin-token',
      expiresAt: new Date(Date.now() + 7200_000).toISOString(),
      refreshToken: 'refresh-token',
      refreshExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      receivedAt: Date.now(),
      user: unitAdmin,
    });
    setResponder(api);
  });

  it('renders the roster with masked phones and pages on a tap', async () => {
    const page = renderPage('packages/unit-admin/roster/index');
    await waitForText(page, '成员1');
    expect(page.dom.textContent).toContain('荣盛集团');
    expect(page.dom.textContent).toContain('共 23 人');
    expect(page.dom.textContent).toContain('135****0001');
    expect(page.dom.textContent).not.toContain('135****0021');
    const first = wxLog.requests.find((r) => r.url.includes('/api/units/7/members'))!;
    expect(first.header!.authorization).toBe('Bearer admin-token');

    tapText(page, '加载更多（已显示 20 / 23）');
    await waitForText(page, '135****0023');
    // Every member read: the table offers no more.
    expect(page.dom.textContent).not.toContain('加载更多');
    page.detach();
  });

  it('searches on a tap of 搜索', async () => {
    const page = renderPage('packages/unit-admin/roster/index');
    await waitForText(page, '成员1');
    // The search box comes first; the table's own filter (of the rows shown) is the second input.
    typeInto(page, '按姓名或手机号后四位搜索', '成员5', 0);
    tapText(page, '搜索');
    await waitForText(page, '找到 1 人');
    const last = wxLog.requests.at(-1)!;
    expect(new URL(last.url).searchParams.get('q')).toBe('成员5');
    await waitFor(() => !(page.dom.textContent ?? '').includes('135****0001'));
    page.detach();
  });
});
