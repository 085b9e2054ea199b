import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import FavouritesPage from '../../../miniapp/src/packages/bulletin/favourites';
import ReadsPage from '../../../miniapp/src/packages/bulletin/reads';
import BulletinStatsPage from '../../../miniapp/src/packages/secretariat/bulletin-stats';
import MeTab from '../../../miniapp/src/pages/me';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { makeIssueDetail } from '../../support/taro/bulletinFactories';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { installFakeApi, json } from '../../support/taro/fakeApi';
import { taroControl } from '../../support/taro/taro';

const favourite = {
  articleId: 12,
  title: '第二篇',
  issueId: 1,
  issueLabel: '2016 年第 2 期（总第 36 期）',
  at: '2026-11-20T02:05:00.000Z',
};

describe('简报 under 我的', () => {
  beforeEach(() => clearSession());

  it('gives every member 我的收藏 and 阅读记录; the console entries only to the secretariat', () => {
    const member = makeMe({ roles: ['member'] });
    saveSession(makeSignedIn(member));
    installFakeApi({ 'GET /api/me': () => json(200, member) });
    const { unmount } = render(<MeTab />);
    fireEvent.click(screen.getByText('我的收藏'));
    fireEvent.click(screen.getByText('阅读记录'));
    expect(taroControl.navigations).toEqual([
      { kind: 'navigateTo', url: '/packages/bulletin/favourites/index' },
      { kind: 'navigateTo', url: '/packages/bulletin/reads/index' },
    ]);
    for (const entry of ['编辑简报', '导入往期', '阅读统计']) expect(screen.queryByText(entry)).not.toBeInTheDocument();
    unmount();

    const desk = makeMe({ roles: ['secretariat'] });
    saveSession(makeSignedIn(desk));
    installFakeApi({ 'GET /api/me': () => json(200, desk) });
    render(<MeTab />);
    fireEvent.click(screen.getByText('编辑简报'));
    fireEvent.click(screen.getByText('导入往期'));
    fireEvent.click(screen.getByText('阅读统计'));
    expect(taroControl.navigations.slice(-3)).toEqual([
      { kind: 'navigateTo', url: '/packages/secretariat/bulletins/index' },
      { kind: 'navigateTo', url: '/packages/secretariat/bulletin-import/index' },
      { kind: 'navigateTo', url: '/packages/secretariat/bulletin-stats/index' },
    ]);
  });

  it('lists favourites with their issue and time, opens one, and shows the list fresh on return', async () => {
    saveSession(makeSignedIn());
    let items = [favourite];
    const api = installFakeApi({ 'GET /api/me/favourites': () => json(200, { items, total: items.length, page: 1, pageSize: 20 }) });
    render(<FavouritesPage />);
    await screen.findByText('第二篇');
    expect(screen.getByText('2016 年第 2 期（总第 36 期） · 收藏于 2026-11-20 10:05')).toBeInTheDocument();
    fireEvent.click(screen.getByText('第二篇'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/bulletin/article/index?id=12' });

    items = [];
    taroControl.fireDidShow();
    await screen.findByText('还没有收藏的文章');
    expect(api.callsTo('GET', '/api/me/favourites')).toHaveLength(2);
  });

  it('lists the read history', async () => {
    saveSession(makeSignedIn());
    installFakeApi({
      'GET /api/me/reads': () => json(200, { items: [{ ...favourite, title: '读过的' }], total: 1, page: 1, pageSize: 20 }),
    });
    render(<ReadsPage />);
    await screen.findByText('读过的');
    expect(screen.getByText(/阅读于 2026-11-20 10:05/)).toBeInTheDocument();
  });
});

describe('阅读统计', () => {
  beforeEach(() => {
    clearSession();
    saveSession(makeSignedIn(makeMe({ roles: ['secretariat'] })));
  });

  it('shows readers of one issue per 片组 and per unit', async () => {
    taroControl.routerParams = { id: '1' };
    installFakeApi({
      'GET /api/bulletins/issues/1': () => json(200, makeIssueDetail()),
      'GET /api/bulletins/issues/1/stats': () =>
        json(200, {
          issueId: 1,
          members: 40,
          readers: 10,
          groups: [{ groupId: 1, name: '第一片组', members: 40, readers: 10 }],
          units: [
            { unitId: 1, name: '建华文创园党总支', groupName: '第一片组', members: 30, readers: 9 },
            { unitId: 2, name: '富通集团党委', groupName: '第一片组', members: 10, readers: 1 },
          ],
        }),
    });
    render(<BulletinStatsPage />);
    await screen.findByText('2016 年第 2 期（总第 36 期）');
    expect(screen.getByText('10 / 40 人 · 25%')).toBeInTheDocument();
    const byGroup = screen.getByRole('table', { name: '按片组' });
    expect(
      within(byGroup)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['第一片组', '10', '40', '25%']);
    const byUnit = screen.getByRole('table', { name: '按会员单位' });
    const unitRows = () =>
      within(byUnit)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((c) => c.textContent),
        );
    expect(unitRows()).toEqual([
      ['建华文创园党总支', '第一片组', '9', '30', '30%'],
      ['富通集团党委', '第一片组', '1', '10', '10%'],
    ]);
    // The least read first: sorted by rate, ascending.
    fireEvent.click(within(byUnit).getByRole('columnheader', { name: '阅读率' }));
    expect(unitRows().map((row) => row[0])).toEqual(['富通集团党委', '建华文创园党总支']);
  });

  it('asks which issue first, and refuses other roles', async () => {
    taroControl.routerParams = {};
    installFakeApi({
      'GET /api/bulletins/issues': () =>
        json(200, { years: [{ year: 2016, issues: [makeIssueDetail()] }], total: 1, page: 1, pageSize: 20 }),
    });
    const { unmount } = render(<BulletinStatsPage />);
    fireEvent.click(await screen.findByText('2016 年第 2 期（总第 36 期）'));
    expect(taroControl.navigations).toContainEqual({ kind: 'navigateTo', url: '/packages/secretariat/bulletin-stats/index?id=1' });
    unmount();

    saveSession(makeSignedIn(makeMe({ roles: ['member', 'unit_admin'] })));
    render(<BulletinStatsPage />);
    expect(screen.getByText('没有权限查看此页')).toBeInTheDocument();
  });
});
