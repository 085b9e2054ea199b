import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import AuditPage from '../../../miniapp/src/packages/secretariat/audit';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';

function entry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    actorId: 2,
    actorName: '王秘书',
    action: 'bulletin.publish',
    actionName: '发布简报',
    entity: 'bulletin_issue',
    entityName: '简报',
    entityId: '4',
    summary: '「2026 年第 3 期」',
    before: null,
    after: null,
    at: '2026-03-01T02:05:00.000Z',
    ...overrides,
  };
}

describe('审计日志', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['secretariat'] })));
  });

  it('lists who did what in Chinese, at Shanghai time, and filters by the fields picked', async () => {
    const api = installFakeApi({
      'GET /api/audit': (request: FakeRequest) =>
        json(200, {
          items:
            request.query.get('action') === 'call.export_entries'
              ? [
                  entry(7, {
                    action: 'call.export_entries',
                    actionName: '导出作品清单',
                    entity: 'call',
                    entityName: '征集',
                    entityId: '2',
                    summary: '共 12 行',
                  }),
                ]
              : [
                  entry(9),
                  entry(8, {
                    actorId: null,
                    actorName: null,
                    action: 'group.update',
                    actionName: '修改片组',
                    entityName: '片组',
                    summary: '修改 名称：一 → 二',
                  }),
                ],
          pageSize: 20,
          nextBefore: null,
        }),
    });
    render(<AuditPage />);
    await screen.findByRole('table', { name: '审计日志' });
    const rows = () =>
      within(screen.getByRole('table', { name: '审计日志' }))
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        );
    expect(rows()).toEqual([
      ['2026-03-01 10:05', '王秘书', '发布简报', '简报 #4', '「2026 年第 3 期」'],
      ['2026-03-01 10:05', '系统', '修改片组', '片组 #4', '修改 名称：一 → 二'],
    ]);

    fireEvent.change(screen.getByRole('combobox', { name: '操作' }), { target: { value: 'call.export_entries' } });
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByPlaceholderText('姓名'), { target: { value: '王' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const last = api.callsTo('GET', '/api/audit').at(-1)!;
    expect(Object.fromEntries(last.query)).toEqual({ action: 'call.export_entries', from: '2026-03-01', actor: '王', pageSize: '20' });
    expect(rows()).toEqual([['2026-03-01 10:05', '王秘书', '导出作品清单', '征集 #2', '共 12 行']]);

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(Object.fromEntries(api.callsTo('GET', '/api/audit').at(-1)!.query)).toEqual({ pageSize: '20' });
  });

  it('shows no old rows when a query fails, and pages on by position', async () => {
    let fail = false;
    const api = installFakeApi({
      'GET /api/audit': (request: FakeRequest) =>
        fail
          ? json(500, { error: { code: 'internal', message: '服务器出错了', details: { reason: 'internal' } } })
          : request.query.get('before') === '9'
            ? json(200, { items: [entry(8, { actionName: '修改片组' })], pageSize: 20, nextBefore: null })
            : json(200, { items: [entry(9)], pageSize: 20, nextBefore: 9 }),
    });
    render(<AuditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '加载更多（已显示 1 条）' }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3));
    expect(api.callsTo('GET', '/api/audit').at(-1)!.query.get('before')).toBe('9');
    expect(screen.queryByRole('button', { name: /加载更多/ })).toBeNull();

    fail = true;
    fireEvent.change(screen.getByRole('combobox', { name: '对象类型' }), { target: { value: 'unit' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    // The old rows go as the query starts; the failure is shown once the answer comes back.
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('cell')).toBeNull();
  });
});
