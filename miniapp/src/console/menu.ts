import { hasAnyRole, type Role } from '@zhijian/shared';
import * as P from '../routes';

/**
 * The desktop console's side menu: one table, grouped by job. The five tabs are items too, under the
 * tab's own name (the tab bar steps aside on a wide screen). A later module adds its pages here
 * (an item, or a group) and nowhere else; the shell shows the groups and items of the roles the
 * person holds, and names the breadcrumbs of every page listed (`also` lists the pages reached
 * from an item, so they sit under it).
 */
export interface MenuItem {
  label: string;
  path: string;
  roles: readonly Role[];
  /** Pages opened from this one (detail, edit): shown under this item in the breadcrumbs. */
  also?: readonly string[];
}

export interface MenuGroup {
  label: string;
  items: readonly MenuItem[];
}

const SECRETARIAT: readonly Role[] = ['secretariat'];
const UNIT_ADMIN: readonly Role[] = ['unit_admin'];
const EVERYONE: readonly Role[] = ['member', 'unit_admin', 'info_officer', 'reviewer', 'secretariat', 'party_secretary', 'group_leader'];

export const CONSOLE_MENU: readonly MenuGroup[] = [
  { label: '首页', items: [{ label: '工作台', path: P.CONSOLE_HOME_PAGE, roles: SECRETARIAT }] },
  // A unit admin's desk tools, together and first: their job is their own unit.
  {
    label: '本单位',
    items: [
      { label: '单位名册', path: P.ROSTER_PAGE, roles: UNIT_ADMIN },
      {
        label: '活动签到',
        path: P.CHECKIN_DESK_PAGE,
        roles: UNIT_ADMIN,
        also: [
          P.CHECKIN_CODE_PAGE,
          P.CHECKIN_LIVE_PAGE,
          P.CHECKIN_RULES_PAGE,
          P.CHECKIN_APPROVALS_PAGE,
          P.CHECKIN_SUMMARY_PAGE,
          P.CHECKIN_ACTIVITY_PAGE,
          P.CHECKIN_EXTRA_PAGE,
        ],
      },
      { label: '出勤统计', path: P.CHECKIN_FIGURES_PAGE, roles: UNIT_ADMIN },
      {
        label: '党员档案',
        path: P.RECORD_DESK_PAGE,
        roles: UNIT_ADMIN,
        also: [
          P.RECORD_BONUSES_PAGE,
          P.RECORD_DEDUCTIONS_PAGE,
          P.RECORD_SANCTIONS_PAGE,
          P.RECORD_DUES_PAGE,
          P.RECORD_APPRAISALS_PAGE,
          P.RECORD_INDEX_PAGE,
          P.RECORD_BENEFITS_PAGE,
        ],
      },
    ],
  },
  {
    label: '简报',
    items: [
      {
        label: '简报',
        path: P.HOME_TAB,
        roles: EVERYONE,
        also: [P.BULLETIN_ISSUE_PAGE, P.BULLETIN_ARTICLE_PAGE, P.BULLETIN_SEARCH_PAGE],
      },
      { label: '编辑简报', path: P.BULLETIN_DESK_PAGE, roles: SECRETARIAT, also: [P.BULLETIN_EDIT_PAGE, P.ARTICLE_EDIT_PAGE] },
      { label: '导入往期', path: P.BULLETIN_IMPORT_PAGE, roles: SECRETARIAT },
      { label: '批量导入往期', path: P.BULLETIN_CATALOGUE_PAGE, roles: SECRETARIAT },
      { label: '阅读统计', path: P.BULLETIN_STATS_PAGE, roles: SECRETARIAT },
      { label: '信息报送', path: P.NEWS_DESK_PAGE, roles: SECRETARIAT },
    ],
  },
  {
    label: '报送与评审',
    items: [
      { label: '征集与评审', path: P.CALLS_PAGE, roles: SECRETARIAT, also: [P.DESK_PAGE, P.DESK_ENTRY_PAGE, P.RESULTS_PAGE] },
      {
        label: '报送',
        path: '/pages/submit/index',
        roles: EVERYONE,
        also: [P.EDIT_ENTRY_PAGE, P.ENTRY_PAGE, P.TOPICS_PAGE],
      },
      { label: '评审任务', path: P.REVIEW_QUEUE_PAGE, roles: ['reviewer'], also: [P.SCORE_PAGE] },
      { label: '案例库', path: P.CASES_PAGE, roles: EVERYONE, also: [P.CASE_PAGE] },
    ],
  },
  {
    label: '活动与出勤',
    items: [
      { label: '出勤看板', path: P.ATTENDANCE_DASHBOARD_PAGE, roles: SECRETARIAT },
      { label: '签到', path: '/pages/checkin/index', roles: EVERYONE },
    ],
  },
  {
    label: '党员与积分',
    items: [
      { label: '积分与指数规则', path: P.RECORD_SETTINGS_PAGE, roles: SECRETARIAT },
      { label: '先锋指数分布', path: P.INDEX_DISTRIBUTION_PAGE, roles: SECRETARIAT },
      { label: '年度结账', path: P.INDEX_YEARS_PAGE, roles: SECRETARIAT },
      {
        label: '年度评优',
        path: P.AWARD_REVIEWS_PAGE,
        roles: ['secretariat', 'group_leader'],
        also: [P.AWARD_REVIEW_PAGE, P.AWARD_CERTIFICATE_PAGE],
      },
      { label: '评优公示', path: P.AWARD_PUBLICITY_PAGE, roles: ['member'] },
      {
        label: '我的党员卡',
        path: P.RECORD_CARD_PAGE,
        roles: ['member'],
        also: [P.RECORD_LIST_PAGE, P.RECORD_DECLARE_PAGE, P.RECORD_APPEAL_PAGE],
      },
    ],
  },
  {
    label: '组织',
    items: [{ label: '会员单位', path: P.UNITS_PAGE, roles: SECRETARIAT }],
  },
  {
    label: '爱E客栈',
    items: [
      {
        label: '客栈',
        path: P.AIE_TAB,
        roles: EVERYONE,
        also: [P.AIE_WISHES_PAGE, P.AIE_WISH_PAGE, P.AIE_PROFILE_PAGE, P.AIE_PEOPLE_PAGE, P.VOLUNTEER_LIST_PAGE, P.VOLUNTEER_DETAIL_PAGE],
      },
      { label: '心愿审核', path: P.AIE_REVIEW_PAGE, roles: ['unit_admin', 'secretariat'], also: [P.AIE_PUBLISH_PAGE] },
    ],
  },
  {
    label: '击鼓传花',
    items: [
      { label: '网络击鼓传花', path: P.VIDEO_ROUND_PAGE, roles: EVERYONE, also: [P.VIDEO_WATCH_PAGE] },
      { label: '击鼓传花管理', path: P.VIDEO_ROUNDS_ADMIN_PAGE, roles: SECRETARIAT, also: [P.VIDEO_REVIEW_PAGE] },
    ],
  },
  {
    label: '书记直通车',
    items: [
      { label: '书记信箱', path: P.LETTER_INBOX_PAGE, roles: ['party_secretary'], also: [P.LETTER_HANDLE_PAGE] },
      { label: '秘书处信箱', path: `${P.LETTER_INBOX_PAGE}?box=secretariat`, roles: SECRETARIAT },
      { label: '办理时效', path: P.LETTER_TIMELINESS_PAGE, roles: SECRETARIAT },
      { label: '来信内容审核', path: P.LETTER_REVIEW_PAGE, roles: ['unit_admin', 'secretariat'] },
      { label: '我的来信', path: P.LETTERS_PAGE, roles: ['member'], also: [P.LETTER_WRITE_PAGE, P.LETTER_PAGE, P.LETTER_BOARD_PAGE] },
    ],
  },
  { label: '审计', items: [{ label: '审计日志', path: P.AUDIT_PAGE, roles: SECRETARIAT }] },
  {
    label: '我的',
    items: [{ label: '我的', path: P.ME_TAB, roles: EVERYONE, also: [P.FAVOURITES_PAGE, P.READS_PAGE, P.OUTBOX_PAGE] }],
  },
];

/** The groups and items this person may open, in the table's order; empty groups left out. */
export function menuFor(roles: readonly Role[], menu: readonly MenuGroup[] = CONSOLE_MENU): MenuGroup[] {
  return menu
    .map((group) => ({ label: group.label, items: group.items.filter((item) => hasAnyRole(roles, item.roles)) }))
    .filter((group) => group.items.length > 0);
}

const withoutQuery = (path: string) => path.split('?')[0]!;

/** Where a page sits in the menu: its group and item (the item's own page or one opened from it). */
export function locate(path: string, menu: readonly MenuGroup[]): { group: MenuGroup; item: MenuItem } | null {
  const bare = withoutQuery(path);
  const tests: Array<(item: MenuItem) => boolean> = [
    (item) => item.path === path,
    (item) => withoutQuery(item.path) === bare,
    (item) => item.also?.includes(bare) ?? false,
  ];
  for (const matches of tests) {
    for (const group of menu) {
      const item = group.items.find(matches);
      if (item) return { group, item };
    }
  }
  return null;
}

/** The breadcrumbs of a page: group › item › the page's own title when it is a page under the item. */
export function breadcrumbsFor(
  path: string,
  title: string | undefined,
  menu: readonly MenuGroup[],
): Array<{ label: string; path?: string }> {
  const place = locate(path, menu);
  if (!place) return title ? [{ label: title }] : [];
  const crumbs: Array<{ label: string; path?: string }> = [
    { label: place.group.label },
    { label: place.item.label, path: place.item.path },
  ];
  const onItem = withoutQuery(place.item.path) === withoutQuery(path);
  if (!onItem && title && title !== place.item.label) crumbs.push({ label: title });
  else delete crumbs[1]!.path;
  return crumbs;
}
