import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@zhijian/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleFrame } from '../../../miniapp/src/console/frame.h5';
import { breadcrumbsFor, CONSOLE_MENU, menuFor } from '../../../miniapp/src/console/menu';
import { ConsoleFrame as WeappFrame } from '../../../miniapp/src/console/frame';
import { CONSOLE_HOME_PAGE, TAB_PAGES } from '../../../miniapp/src/routes';
import { goToSignIn, isAppPage } from '../../../miniapp/src/services/navigation';
import { clearSession, saveSession } from '../../../miniapp/src/services/session';
import { COLOURS } from '../../../miniapp/src/styles/tokens';
import { installFakeApi } from '../../support/taro/fakeApi';
import { makeMe, makeSignedIn } from '../../support/taro/factories';
import { taroControl } from '../../support/taro/taro';
import { setWindowWidth } from '../../support/taro/viewport';

const groupsOf = (roles: Role[]) => menuFor(roles).map((group) => group.label);
const itemsOf = (roles: Role[], group: string) =>
  menuFor(roles)
    .find((g) => g.label === group)
    ?.items.map((item) => item.label) ?? [];

const setWidth = setWindowWidth;

describe('the console menu (one table, by role)', () => {
  it('gives the secretariat every job group, home first, and no unit pages', () => {
    expect(groupsOf(['secretariat'])).toEqual([
      '首页',
      '简报',
      '报送与评审',
      '活动与出勤',
      '党员与积分',
      '组织',
      '爱E客栈',
      '击鼓传花',
      '书记直通车',
      '审计',
      '我的',
    ]);
    expect(itemsOf(['secretariat'], '首页')).toEqual(['工作台']);
    expect(itemsOf(['secretariat'], '组织')).toEqual(['会员单位']);
    expect(itemsOf(['secretariat'], '审计')).toEqual(['审计日志']);
    expect(itemsOf(['secretariat'], '党员与积分')).toContain('年度评优');
    expect(itemsOf(['secretariat'], '击鼓传花')).toEqual(['网络击鼓传花', '击鼓传花管理']);
    expect(itemsOf(['secretariat'], '书记直通车')).toEqual(['秘书处信箱', '办理时效', '来信内容审核']);
  });

  it('gives a unit admin the unit’s desk tools first, under 本单位, and none of the association’s', () => {
    const groups = groupsOf(['member', 'unit_admin']);
    expect(groups[0]).toBe('本单位');
    expect(groups).not.toContain('首页');
    expect(groups).not.toContain('审计');
    expect(groups).not.toContain('组织');
    expect(itemsOf(['member', 'unit_admin'], '本单位')).toEqual(['单位名册', '活动签到', '出勤统计', '党员档案']);
    expect(itemsOf(['member', 'unit_admin'], '活动与出勤')).toEqual(['签到']);
    expect(itemsOf(['member', 'unit_admin'], '党员与积分')).toEqual(['评优公示', '我的党员卡']);
    expect(groupsOf(['secretariat'])).not.toContain('本单位');
    // A page opened from a desk tool sits under it in the breadcrumbs.
    expect(breadcrumbsFor('/packages/record-admin/dues/index', '党费', menuFor(['member', 'unit_admin']))).toEqual([
      { label: '本单位' },
      { label: '党员档案', path: '/packages/record-admin/desk/index' },
      { label: '党费' },
    ]);
  });

  it('gives a 书记 the inbox, a member the five tabs and their own pages', () => {
    expect(itemsOf(['member', 'party_secretary'], '书记直通车')).toEqual(['书记信箱', '我的来信']);
    const member = menuFor(['member']).flatMap((group) => group.items.map((item) => item.path));
    for (const tab of TAB_PAGES) expect(member).toContain(tab);
    expect(member).not.toContain(CONSOLE_HOME_PAGE);
    expect(groupsOf(['member'])).not.toContain('组织');
  });

  it('names every item once per path, and only pages of this app', () => {
    const paths = CONSOLE_MENU.flatMap((group) => group.items.map((item) => item.path));
    expect(new Set(paths).size).toBe(paths.length);
    for (const item of CONSOLE_MENU.flatMap((group) => group.items)) {
      expect(isAppPage(item.path), item.path).toBe(true);
      for (const also of item.also ?? []) expect(isAppPage(also), also).toBe(true);
    }
  });

  it('builds breadcrumbs: group › item, and the page’s title under it', () => {
    const menu = menuFor(['member']);
    expect(breadcrumbsFor('/pages/bulletin/index', '简报', menu)).toEqual([{ label: '简报' }, { label: '简报' }]);
    expect(breadcrumbsFor('/packages/bulletin/article/index?id=3', '文章', menu)).toEqual([
      { label: '简报' },
      { label: '简报', path: '/pages/bulletin/index' },
      { label: '文章' },
    ]);
    const secretariat = menuFor(['secretariat']);
    expect(breadcrumbsFor('/packages/letters-admin/inbox/index?box=secretariat', '来信', secretariat)).toEqual([
      { label: '书记直通车' },
      { label: '秘书处信箱' },
    ]);
    expect(breadcrumbsFor('/packages/unknown/index', '别处', secretariat)).toEqual([{ label: '别处' }]);
  });
});

describe('the console frame (H5)', () => {
  beforeEach(() => {
    clearSession();
    installFakeApi({});
    document.body.classList.remove('zj-console-on');
  });
  afterEach(() => setWidth(1024));

  function signInAs(roles: Role[], name = '王秘书') {
    saveSession(makeSignedIn(makeMe({ name, roles })));
  }

  it('at desktop width frames the page with header, menu and breadcrumbs, and hides the tab bar', () => {
    setWidth(1440);
    signInAs(['secretariat']);
    taroControl.routerPath = CONSOLE_HOME_PAGE;
    render(
      <ConsoleFrame>
        <p>页面内容</p>
      </ConsoleFrame>,
    );
    expect(screen.getByText('指尖党建')).toBeInTheDocument();
    expect(screen.getByText('王秘书')).toBeInTheDocument();
    expect(screen.getByText('秘书处')).toBeInTheDocument();
    expect(screen.getByText('页面内容')).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: '主菜单' });
    expect(within(menu).getByRole('group', { name: '审计' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: '当前位置' })).getByText('工作台')).toBeInTheDocument();
    expect(document.body).toHaveClass('zj-console-on');
    // The first page of the stack has nowhere to go back to.
    expect(screen.queryByText('‹ 返回')).not.toBeInTheDocument();
  });

  it('opens tabs with switchTab and other pages with navigateTo, and goes back', () => {
    setWidth(1280);
    signInAs(['secretariat']);
    taroControl.routerPath = '/packages/secretariat/units/index';
    taroControl.pageStack = 2;
    render(
      <ConsoleFrame>
        <p>会员单位列表</p>
      </ConsoleFrame>,
    );
    const menu = screen.getByRole('navigation', { name: '主菜单' });
    expect(within(menu).getByText('会员单位')).toHaveClass('zj-console__item--on');
    fireEvent.click(within(menu).getByText('审计日志'));
    fireEvent.click(within(within(menu).getByRole('group', { name: '简报' })).getByRole('link', { name: '简报' }));
    fireEvent.click(screen.getByText('‹ 返回'));
    expect(taroControl.navigations).toEqual([
      { kind: 'navigateTo', url: '/packages/secretariat/audit/index' },
      { kind: 'switchTab', url: '/pages/bulletin/index' },
      { kind: 'navigateBack', url: undefined },
    ]);
  });

  it('asks before signing out, with the confirm button in the brand red', async () => {
    setWidth(1440);
    signInAs(['member', 'unit_admin'], '李党务');
    render(
      <ConsoleFrame>
        <p>x</p>
      </ConsoleFrame>,
    );
    expect(screen.getByText('党务工作者')).toBeInTheDocument();
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() => expect(taroControl.navigations).toContainEqual({ kind: 'reLaunch', url: '/pages/signin/index' }));
    expect(taroControl.modals[0]).toMatchObject({ title: '退出登录', confirmColor: COLOURS.red, cancelColor: COLOURS.ink2 });
  });

  it('below 1024 px, or signed out, shows the page as it is: the phone app keeps its tabs', () => {
    setWidth(1023);
    signInAs(['secretariat']);
    const narrow = render(
      <ConsoleFrame>
        <p>手机页面</p>
      </ConsoleFrame>,
    );
    expect(screen.getByText('手机页面')).toBeInTheDocument();
    expect(screen.queryByText('指尖党建')).not.toBeInTheDocument();
    expect(document.body).not.toHaveClass('zj-console-on');
    narrow.unmount();

    setWidth(1440);
    clearSession();
    render(
      <ConsoleFrame>
        <p>登录页</p>
      </ConsoleFrame>,
    );
    expect(screen.queryByRole('navigation', { name: '主菜单' })).not.toBeInTheDocument();
  });

  it('has no shell in the mini-program build, whatever the width', () => {
    setWidth(1440);
    signInAs(['secretariat']);
    render(
      <WeappFrame>
        <p>小程序页面</p>
      </WeappFrame>,
    );
    expect(screen.getByText('小程序页面')).toBeInTheDocument();
    expect(screen.queryByText('指尖党建')).not.toBeInTheDocument();
  });
});

describe('deep links through sign-in', () => {
  it('sends the page shown along to sign-in as `next`, but not after signing out on purpose', async () => {
    taroControl.routerPath = '/packages/bulletin/article/index';
    taroControl.routerParams = { id: '42', $taroTimestamp: '1' };
    goToSignIn();
    await waitFor(() => expect(taroControl.navigations).toHaveLength(1));
    expect(taroControl.navigations[0]).toEqual({
      kind: 'reLaunch',
      url: `/pages/signin/index?next=${encodeURIComponent('/packages/bulletin/article/index?id=42')}`,
    });
    goToSignIn(undefined, { comeBack: false });
    await waitFor(() => expect(taroControl.navigations).toHaveLength(2));
    expect(taroControl.navigations[1]).toEqual({ kind: 'reLaunch', url: '/pages/signin/index' });
  });

  it('takes only pages of this app as `next`', () => {
    expect(isAppPage('/packages/bulletin/article/index?id=3')).toBe(true);
    expect(isAppPage('/pages/bulletin/index')).toBe(true);
    expect(isAppPage('https://example.org/')).toBe(false);
    expect(isAppPage('//example.org/pages/x')).toBe(false);
    expect(isAppPage('/pages/../x')).toBe(false);
  });
});

describe('colour tokens for APIs', () => {
  it('are the values of styles/_tokens.scss', () => {
    const scss = readFileSync(path.resolve(import.meta.dirname, '../../../miniapp/src/styles/_tokens.scss'), 'utf8');
    const kebab = (name: string) => name.replace(/([A-Z]|\d+)/g, '-$1').toLowerCase();
    for (const [name, value] of Object.entries(COLOURS)) {
      const match = new RegExp(`^\\$${kebab(name)}:\\s*(#[0-9a-f]{6});`, 'm').exec(scss);
      expect(match?.[1], name).toBe(value);
    }
  });
});
