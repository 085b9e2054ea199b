import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import RosterPage from '../../../miniapp/src/packages/unit-admin/roster';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiRefusal, installFakeApi, json } from '../../support/taro/fakeApi';
import { memberRefusals } from '@zhijian/shared';
import { makeMe, makeMembers, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const ALL = makeMembers(25);

const picker = vi.hoisted(() => ({ pickDocument: vi.fn(), downloadExport: vi.fn() }));
vi.mock('../../../miniapp/src/packages/secretariat/services/pickFile', () => ({ pickDocument: picker.pickDocument }));
vi.mock('../../../miniapp/src/services/download', () => ({ downloadExport: picker.downloadExport, localCopy: async () => 'blob:x' }));

function rosterApi() {
  return installFakeApi({
    'GET /api/units/7/members': ({ query }) => {
      const page = Number(query.get('page'));
      const pageSize = Number(query.get('pageSize'));
      const q = query.get('q');
      const matching = q ? ALL.filter((m) => m.name.includes(q)) : ALL;
      return json(200, { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize });
    },
    // The secretariat's view of a unit also shows its honours.
    'GET /api/units/7/honours': () => json(200, []),
  });
}

describe('单位名册 (unit-admin subpackage)', () => {
  beforeEach(() => clearSession());

  it("lists the own unit's members with masked phones, 20 at a time", async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    const server = rosterApi();
    render(<RosterPage />);
    expect(await screen.findByText('党员1')).toBeInTheDocument();
    expect(screen.getByText('共 25 人')).toBeInTheDocument();
    expect(screen.getByText(/139\*\*\*\*0001/)).toBeInTheDocument();
    expect(screen.queryByText('党员21')).not.toBeInTheDocument();
    act(() => taroControl.fireReachBottom());
    expect(await screen.findByText('党员25')).toBeInTheDocument();
    expect(server.calls.map((c) => c.query.get('page'))).toEqual(['1', '2']);
  });

  it('searches by name', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['unit_admin'] })));
    const server = rosterApi();
    render(<RosterPage />);
    await screen.findByText('党员1');
    fireEvent.change(screen.getByPlaceholderText('按姓名或手机号后四位搜索'), { target: { value: '党员2' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() => expect(screen.queryByText('党员1')).not.toBeInTheDocument());
    expect(await screen.findByText('找到 7 人')).toBeInTheDocument();
    expect(server.calls.at(-1)!.query.get('q')).toBe('党员2');
  });

  it('shows the secretariat the unit picked in 会员单位', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['secretariat'], unit: null })));
    taroControl.routerParams = { unitId: '7', unitName: encodeURIComponent('四季青市场') };
    rosterApi();
    render(<RosterPage />);
    expect(await screen.findByText('党员1')).toBeInTheDocument();
    expect(screen.getByText('四季青市场')).toBeInTheDocument();
  });

  it('explains itself to a member who opens it', () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member'] })));
    rosterApi();
    render(<RosterPage />);
    expect(screen.getByText('没有权限查看此页')).toBeInTheDocument();
    expect(taroControl.requests).toHaveLength(0);
  });
});

describe('managing the roster on the phone', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    picker.pickDocument.mockReset();
    picker.downloadExport.mockReset();
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
  });

  function type(name: string, value: string) {
    fireEvent.change(document.querySelector(`[name="${name}"]`) as HTMLInputElement, { target: { value } });
  }

  it('adds a member', async () => {
    const server = installFakeApi({
      'GET /api/units/7/members': () => json(200, { items: ALL.slice(0, 3), total: 3, page: 1, pageSize: 20 }),
      'POST /api/units/7/members': () => json(201, { ...ALL[0]!, id: 99, name: '新党员' }),
    });
    render(<RosterPage />);
    await screen.findByText('党员1');
    fireEvent.click(screen.getByRole('button', { name: '添加党员' }));
    type('name', '新党员');
    type('phone', '13912345678');
    fireEvent.change(screen.getByLabelText('入党日期（可选）'), { target: { value: '2015-07-01' } });
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(server.callsTo('POST', '/api/units/7/members')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/units/7/members')[0]!.body).toEqual({
      name: '新党员',
      phone: '13912345678',
      kind: 'fixed',
      joinedPartyOn: '2015-07-01',
    });
    await waitFor(() => expect(taroControl.toasts).toContain('已添加'));
  });

  it('edits only what changed, and removes after a confirmation', async () => {
    const server = installFakeApi({
      'GET /api/units/7/members': () => json(200, { items: ALL.slice(0, 3), total: 3, page: 1, pageSize: 20 }),
      'PATCH /api/members/2': () => json(200, { ...ALL[1]!, name: '党员二' }),
      'DELETE /api/members/2': () => json(200, { ok: true }),
    });
    render(<RosterPage />);
    fireEvent.click(await screen.findByText('党员2'));
    type('name', '党员二');
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(server.callsTo('PATCH', '/api/members/2')).toHaveLength(1));
    expect(server.callsTo('PATCH', '/api/members/2')[0]!.body).toEqual({ name: '党员二' });

    fireEvent.click(await screen.findByText('党员2'));
    taroControl.modalConfirm = false;
    fireEvent.click(screen.getByRole('button', { name: '从名册移除' }));
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    expect(taroControl.modals[0]!.title).toBe('从名册移除');
    expect(server.callsTo('DELETE', '/api/members/2')).toHaveLength(0);
    taroControl.modalConfirm = true;
    fireEvent.click(screen.getByRole('button', { name: '从名册移除' }));
    await waitFor(() => expect(server.callsTo('DELETE', '/api/members/2')).toHaveLength(1));
  });

  it('checks an imported file first, lists every row problem, and imports a clean file on confirmation', async () => {
    installFakeApi({ 'GET /api/units/7/members': () => json(200, { items: ALL.slice(0, 3), total: 3, page: 1, pageSize: 20 }) });
    const uploads: string[] = [];
    let bad = true;
    taroControl.uploadHandler = (upload) => {
      uploads.push(upload.url);
      if (bad)
        return apiRefusal(memberRefusals.roster_invalid, {
          rows: [
            { row: 3, column: '手机号', problem: '手机号应为 11 位中国大陆手机号' },
            { row: 5, column: '姓名', problem: '请填写姓名' },
          ],
        });
      return json(200, { created: 4, updated: 1, dryRun: upload.url.includes('dryRun=true') });
    };
    picker.pickDocument.mockResolvedValue({ path: 'wxfile://roster.xlsx', name: '名册.xlsx', size: 2000 });
    render(<RosterPage />);
    await screen.findByText('党员1');
    fireEvent.click(screen.getByRole('button', { name: '选择名册文件' }));
    expect(await screen.findByText('名册.xlsx：2 处问题，未导入任何数据')).toBeInTheDocument();
    expect(screen.getByText('第 3 行 · 手机号：手机号应为 11 位中国大陆手机号')).toBeInTheDocument();
    expect(screen.getByText('第 5 行 · 姓名：请填写姓名')).toBeInTheDocument();

    bad = false;
    fireEvent.click(screen.getByRole('button', { name: '选择名册文件' }));
    expect(await screen.findByText('名册.xlsx：检查无误，将新增 4 人、更新 1 人')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('已导入：新增 4 人，更新 1 人')).toBeInTheDocument();
    expect(uploads.map((url) => new URL(url, 'http://x').searchParams.get('dryRun'))).toEqual(['true', 'true', 'false']);
  });

  it('exports the roster', async () => {
    installFakeApi({ 'GET /api/units/7/members': () => json(200, { items: [], total: 0, page: 1, pageSize: 20 }) });
    render(<RosterPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出名册' }));
    await waitFor(() =>
      expect(picker.downloadExport).toHaveBeenCalledWith(expect.stringContaining('/api/units/7/members/export'), '荣盛集团名册.xlsx'),
    );
  });
});
