import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActivityRule, HostSite, UnitDetail } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import RulesPage from '../../../miniapp/src/packages/checkin-admin/rules';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeRule } from '../../support/taro/activityFactories';
import { apiError, installFakeApi, json, type FakeRequest } from '../../support/taro/fakeApi';
import { makeMe, makeMembers, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

type Handler = (request: FakeRequest) => ReturnType<typeof json>;

const unit: UnitDetail = {
  id: 7,
  name: '荣盛集团',
  kind: 'enterprise',
  groupId: 1,
  groupName: '第一片组',
  memberCount: 40,
  inviteCode: 'RS2016',
  branches: [{ id: 3, name: '第一党支部' }],
};
const site: HostSite = { id: 5, unitId: 7, name: '四季青流动党员服务站', members: [] };
const generation = { created: 3, updated: 0, removed: 0, kept: 0 };

function rulesApi({
  rules = [makeRule()],
  sites = [site],
  routes = {},
}: { rules?: ActivityRule[]; sites?: HostSite[]; routes?: Record<string, Handler> } = {}) {
  return installFakeApi({
    'GET /api/units/7/activity-rules': () => json(200, { items: rules }),
    'GET /api/units/7': () => json(200, unit),
    'GET /api/units/7/host-sites': () => json(200, { items: sites }),
    'GET /api/units/7/checkin-settings': () =>
      json(200, { windowBeforeMinutes: 30, windowAfterMinutes: 30, lateAfterMinutes: 10, geofence: false }),
    ...routes,
  });
}

/** The block of one branch or host site: its rule line and, once opened, its editor. */
async function ownedRule(name: string) {
  return (await screen.findByText(name)).closest('.zj-rules__owned') as HTMLElement;
}

describe('rules of branches and host sites', () => {
  beforeEach(() => {
    clearSession();
    taroControl.reset();
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
  });

  it('sets a branch’s monthly rule: only the 5th, 15th or 25th, with the branch named', async () => {
    const server = rulesApi({
      routes: {
        'POST /api/units/7/activity-rules': () =>
          json(201, { rule: makeRule({ id: 2, scope: 'branch', branch: { id: 3, name: '第一党支部' } }), generation }),
      },
    });
    render(<RulesPage />);
    const branch = await ownedRule('第一党支部');
    expect(within(branch).getByText('尚未设定规则')).toBeInTheDocument();
    fireEvent.click(within(branch).getByText('设定规则'));
    const days = within(branch)
      .getAllByRole('button')
      .filter((button) => /^\d+ 日$/.test(button.textContent ?? ''));
    expect(days.map((button) => button.textContent)).toEqual(['5 日', '15 日', '25 日']);
    fireEvent.click(within(branch).getByRole('button', { name: '5 日' }));
    fireEvent.change(within(branch).getByPlaceholderText('如 党群服务中心'), { target: { value: '一支部活动室' } });
    fireEvent.click(within(branch).getByRole('button', { name: '保存规则并生成未来三个月的活动' }));

    await waitFor(() => expect(server.callsTo('POST', '/api/units/7/activity-rules')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/units/7/activity-rules')[0]!.body).toEqual({
      dayOfMonth: 5,
      startTime: '14:00',
      durationMinutes: 120,
      title: '党员固定活动日',
      placeName: '一支部活动室',
      placeAddress: '',
      agenda: [],
      latitude: null,
      longitude: null,
      radiusMeters: null,
      branchId: 3,
    });
    expect(taroControl.toasts).toContain('已保存：新增 3、更新 0、取消 0 次活动');
    // Saved: the page reads the rules again.
    await waitFor(() => expect(server.callsTo('GET', '/api/units/7/activity-rules')).toHaveLength(2));
  });

  it('sets a host site’s weekly rule on Wednesday unless another weekday is picked', async () => {
    const server = rulesApi({
      routes: {
        'POST /api/units/7/activity-rules': () =>
          json(201, { rule: makeRule({ id: 3, scope: 'host_site', cadence: 'weekly' }), generation }),
      },
    });
    render(<RulesPage />);
    const block = await ownedRule('四季青流动党员服务站');
    fireEvent.click(within(block).getByText('设定规则'));
    expect(within(block).queryByRole('button', { name: '15 日' })).toBeNull();
    expect(within(block).getByRole('radio', { name: '周三' })).toHaveClass('zj-chips__chip--on');
    fireEvent.click(within(block).getByRole('radio', { name: '周四' }));
    fireEvent.change(within(block).getByDisplayValue('14:00'), { target: { value: '19:00' } });
    fireEvent.change(within(block).getByPlaceholderText('如 党群服务中心'), { target: { value: '四季青服务站' } });
    fireEvent.click(within(block).getByRole('button', { name: '保存规则并生成未来三个月的活动' }));

    await waitFor(() => expect(server.callsTo('POST', '/api/units/7/activity-rules')).toHaveLength(1));
    const body = server.callsTo('POST', '/api/units/7/activity-rules')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ weekday: 4, startTime: '19:00', placeName: '四季青服务站', hostSiteId: 5 });
    expect(body).not.toHaveProperty('dayOfMonth');
  });

  it('changes an existing host-site rule in place and shows the server’s refusal', async () => {
    const weekly = makeRule({
      id: 8,
      scope: 'host_site',
      hostSite: { id: 5, name: site.name },
      cadence: 'weekly',
      dayOfMonth: null,
      weekday: 3,
      startTime: '19:00',
      description: '每周三 19:00',
    });
    const server = rulesApi({
      rules: [makeRule(), weekly],
      routes: { 'PUT /api/activity-rules/8': () => apiError('invalid_input', '活动时长至少 15 分钟') },
    });
    render(<RulesPage />);
    const block = await ownedRule('四季青流动党员服务站');
    expect(within(block).getByText('每周三 19:00 · 党群服务中心')).toBeInTheDocument();
    fireEvent.click(within(block).getByText('修改规则'));
    fireEvent.click(within(block).getByRole('radio', { name: '周五' }));
    fireEvent.click(within(block).getByRole('button', { name: '保存规则并生成未来三个月的活动' }));

    expect(await within(block).findByText('活动时长至少 15 分钟')).toBeInTheDocument();
    expect(server.callsTo('PUT', '/api/activity-rules/8')[0]!.body).toMatchObject({ weekday: 5, startTime: '19:00' });
    expect(server.callsTo('POST', '/api/units/7/activity-rules')).toHaveLength(0);
  });

  it('deletes a branch’s rule only once confirmed, and reads the rules again', async () => {
    const branchRule = makeRule({
      id: 6,
      scope: 'branch',
      branch: { id: 3, name: '第一党支部' },
      dayOfMonth: 5,
      description: '每月 5 日 14:00',
    });
    const server = rulesApi({
      rules: [makeRule(), branchRule],
      routes: { 'DELETE /api/activity-rules/6': () => json(200, { ...generation, created: 0, removed: 2 }) },
    });
    render(<RulesPage />);
    const block = await ownedRule('第一党支部');
    fireEvent.click(within(block).getByText('修改规则'));

    taroControl.modalConfirm = false;
    fireEvent.click(within(block).getByRole('button', { name: '删除此规则' }));
    await waitFor(() => expect(taroControl.modals).toHaveLength(1));
    expect(server.callsTo('DELETE', '/api/activity-rules/6')).toHaveLength(0);

    taroControl.modalConfirm = true;
    fireEvent.click(within(block).getByRole('button', { name: '删除此规则' }));
    await waitFor(() => expect(server.callsTo('DELETE', '/api/activity-rules/6')).toHaveLength(1));
    expect(taroControl.modals[1]).toMatchObject({ title: '删除规则' });
    await waitFor(() => expect(taroControl.toasts).toContain('已删除规则，取消 2 次活动'));
    await waitFor(() => expect(server.callsTo('GET', '/api/units/7/activity-rules')).toHaveLength(2));
  });

  it('shows the server’s refusal to delete a rule', async () => {
    rulesApi({ routes: { 'DELETE /api/activity-rules/1': () => apiError('forbidden', '只能管理本单位的规则') } });
    render(<RulesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '删除此规则' }));
    expect(await screen.findByText('只能管理本单位的规则')).toBeInTheDocument();
  });

  it('creates a host site, and not without a name', async () => {
    const server = rulesApi({
      sites: [],
      routes: { 'POST /api/units/7/host-sites': () => json(201, { id: 6, unitId: 7, name: '九堡流动党员之家', members: [] }) },
    });
    render(<RulesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '新建服务点' }));
    expect(await screen.findByText('请填写服务点名称')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/units/7/host-sites')).toHaveLength(0);

    fireEvent.change(screen.getByPlaceholderText('如 四季青流动党员服务站'), { target: { value: ' 九堡流动党员之家 ' } });
    fireEvent.click(screen.getByRole('button', { name: '新建服务点' }));
    expect(await screen.findByText('九堡流动党员之家')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/units/7/host-sites')[0]!.body).toEqual({ name: '九堡流动党员之家' });
  });

  it('finds the unit’s mobile members, attaches one, moves them out again', async () => {
    // makeMembers: every third member is mobile (3, 6).
    const roster = makeMembers(6);
    const attached = { ...site, members: [{ id: 6, name: '党员6', phoneMasked: '139****0006', unitName: '荣盛集团' }] };
    const server = rulesApi({
      routes: {
        'GET /api/units/7/members': () => json(200, { items: roster, total: 6, page: 1, pageSize: 50 }),
        'POST /api/host-sites/5/members': () => json(200, attached),
        'POST /api/host-sites/5/members/detach': () => json(200, site),
      },
    });
    render(<RulesPage />);
    fireEvent.change(await screen.findByPlaceholderText('姓名或手机号，留空列出全部'), { target: { value: '党员' } });
    fireEvent.click(screen.getByRole('button', { name: '查找本单位流动党员' }));
    expect(await screen.findByText('党员3')).toBeInTheDocument();
    expect(screen.getByText('党员6')).toBeInTheDocument();
    expect(screen.queryByText('党员1')).toBeNull();
    expect(server.callsTo('GET', '/api/units/7/members')[0]!.query.get('q')).toBe('党员');

    const row = screen.getByText('党员6').closest('.zj-rules__member') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '编入' }));
    await waitFor(() => expect(screen.queryByText('党员3')).toBeNull());
    expect(server.callsTo('POST', '/api/host-sites/5/members')[0]!.body).toEqual({ memberId: 6 });
    // The attached list reloads after the search results go: wait for 党员6's row there.
    const detach = await waitFor(() =>
      within(screen.getByText('党员6').closest('.zj-rules__member') as HTMLElement).getByRole('button', { name: '移出' }),
    );
    fireEvent.click(detach);
    expect(await screen.findByText('尚未编入流动党员。')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/host-sites/5/members/detach')[0]!.body).toEqual({ memberId: 6 });
  });

  it('shows the server’s refusal to attach a member of another host site', async () => {
    rulesApi({
      routes: {
        'GET /api/units/7/members': () => json(200, { items: makeMembers(3), total: 3, page: 1, pageSize: 50 }),
        'POST /api/host-sites/5/members': () => apiError('conflict', '该流动党员已编入其他服务点，请先移出'),
      },
    });
    render(<RulesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '查找本单位流动党员' }));
    fireEvent.click(await screen.findByRole('button', { name: '编入' }));
    expect(await screen.findByText('该流动党员已编入其他服务点，请先移出')).toBeInTheDocument();
    expect(screen.getByText('尚未编入流动党员。')).toBeInTheDocument();
  });
});
