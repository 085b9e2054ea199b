import { fireEvent, render, screen, within } from '@testing-library/react';
import type { Honour } from '@zhijian/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import RecordDeskPage from '../../../miniapp/src/packages/record-admin/desk';
import RosterPage from '../../../miniapp/src/packages/unit-admin/roster';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { apiError, installFakeApi, json } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';

const HONOURS: Honour[] = [
  { year: 2026, award: 'unit', title: '2026 年度先进集体', name: '荣盛集团' },
  { year: 2026, award: 'member', title: '2026 年度优秀会员', name: '吴先锋' },
  { year: 2025, award: 'info_officer', title: '2025 年度优秀信息员', name: '周信息' },
];

const emptyPage = () => json(200, { items: [], total: 0, page: 1, pageSize: 20 });

beforeEach(() => {
  clearSession();
  taroControl.reset();
});

describe('本单位荣誉 on the 党员档案 desk', () => {
  it("lists the unit admin's own unit's honours: year, award and title, newest first", async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    const server = installFakeApi({ 'GET /api/units/7/honours': () => json(200, HONOURS) });
    render(<RecordDeskPage />);
    expect(await screen.findByText('2026 年度先进集体')).toBeInTheDocument();
    expect(screen.getByText('本单位荣誉')).toBeInTheDocument();
    const rows = document.querySelectorAll('.zj-honours__row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByText('2026 年度')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('先进集体')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('荣盛集团')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('吴先锋')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('2025 年度')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('优秀信息员')).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/units/7/honours')).toHaveLength(1);
  });

  it('says so when the unit has no honours yet', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['unit_admin'] })));
    installFakeApi({ 'GET /api/units/7/honours': () => json(200, []) });
    render(<RecordDeskPage />);
    expect(await screen.findByText('暂无荣誉记录')).toBeInTheDocument();
    expect(screen.getByText('年度评优结果发布后，本单位及党员获得的表彰显示在这里。')).toBeInTheDocument();
    expect(document.querySelectorAll('.zj-honours__row')).toHaveLength(0);
  });

  it('shows a failed load with a retry that loads again', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['unit_admin'] })));
    let fail = true;
    const server = installFakeApi({
      'GET /api/units/7/honours': () => (fail ? apiError('forbidden') : json(200, HONOURS.slice(0, 1))),
    });
    render(<RecordDeskPage />);
    expect(await screen.findByText('加载失败')).toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('2026 年度先进集体')).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/units/7/honours')).toHaveLength(2);
  });

  it('asks nothing for an admin whose account has no unit', () => {
    saveSession(makeSignedIn(makeMe({ roles: ['unit_admin'], unit: null })));
    installFakeApi({});
    render(<RecordDeskPage />);
    expect(screen.getByText('加分审核')).toBeInTheDocument();
    expect(screen.queryByText('本单位荣誉')).toBeNull();
    expect(taroControl.requests).toHaveLength(0);
  });
});

describe('单位荣誉 on the unit the secretariat opened from 会员单位', () => {
  it("shows the picked unit's honours under its roster", async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['secretariat'], unit: null })));
    taroControl.routerParams = { unitId: '9', unitName: encodeURIComponent('四季青市场') };
    const server = installFakeApi({
      'GET /api/units/9/members': emptyPage,
      'GET /api/units/9/honours': () => json(200, [{ year: 2026, award: 'unit', title: '2026 年度先进集体', name: '四季青市场' }]),
    });
    render(<RosterPage />);
    expect(await screen.findByText('2026 年度先进集体')).toBeInTheDocument();
    expect(screen.getByText('单位荣誉')).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/units/9/honours')).toHaveLength(1);
  });

  it('leaves the unit admin’s own roster without it (their desk has it)', async () => {
    saveSession(makeSignedIn(makeMe({ roles: ['unit_admin'] })));
    const server = installFakeApi({ 'GET /api/units/7/members': emptyPage });
    render(<RosterPage />);
    expect(await screen.findByText('共 0 人')).toBeInTheDocument();
    expect(screen.queryByText('单位荣誉')).toBeNull();
    expect(server.callsTo('GET', '/api/units/7/honours')).toHaveLength(0);
  });
});
