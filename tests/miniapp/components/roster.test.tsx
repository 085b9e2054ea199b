import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import RosterPage from '../../../miniapp/src/packages/unit-admin/roster';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeMembers, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const ALL = makeMembers(25);

function rosterApi() {
  return installFakeApi({
    'GET /api/units/7/members': ({ query }) => {
      const page = Number(query.get('page'));
      const pageSize = Number(query.get('pageSize'));
      const q = query.get('q');
      const matching = q ? ALL.filter((m) => m.name.includes(q)) : ALL;
      return json(200, { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize });
    },
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
