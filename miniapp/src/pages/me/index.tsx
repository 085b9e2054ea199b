import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { hasAnyRole, MEMBER_KIND_LABELS, ROLE_LABELS, type Role } from '@zhijian/shared';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Cell, CellGroup } from '../../components/Cell';
import { FontSizePicker } from '../../components/FontSizePicker';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useAction } from '../../hooks/useAction';
import { useLoaded } from '../../hooks/useLoaded';
import { useRequireSession } from '../../hooks/useSession';
import {
  ATTENDANCE_DASHBOARD_PAGE,
  AUDIT_PAGE,
  BULLETIN_DESK_PAGE,
  BULLETIN_CATALOGUE_PAGE,
  BULLETIN_IMPORT_PAGE,
  BULLETIN_STATS_PAGE,
  CALLS_PAGE,
  CASES_PAGE,
  CHECKIN_DESK_PAGE,
  FAVOURITES_PAGE,
  INDEX_DISTRIBUTION_PAGE,
  INDEX_YEARS_PAGE,
  OUTBOX_PAGE,
  PRIVACY_PAGE,
  READS_PAGE,
  RECORD_DESK_PAGE,
  RECORD_SETTINGS_PAGE,
  REVIEW_QUEUE_PAGE,
  ROSTER_PAGE,
  UNITS_PAGE,
} from '../../routes';
// Apart from the list above, which each role's package extends: the two merge without touching.
import { RECORD_CARD_PAGE, RECORD_LIST_PAGE } from '../../routes';
import { LETTER_INBOX_PAGE, LETTER_REVIEW_PAGE, LETTER_TIMELINESS_PAGE, LETTERS_PAGE } from '../../routes';
import { AWARD_PUBLICITY_PAGE, AWARD_REVIEWS_PAGE } from '../../routes';
import { VIDEO_ROUND_PAGE, VIDEO_ROUNDS_ADMIN_PAGE } from '../../routes';
import { refreshProfile, signOut } from '../../services/auth';
import './index.scss';

interface RoleEntry {
  title: string;
  note: string;
  url: string;
  roles: readonly Role[];
}

/** Entries into the role subpackages: shown only to people holding the role. */
const ROLE_ENTRIES: RoleEntry[] = [
  { title: '单位名册', note: '本单位党员名单、绑定情况', url: ROSTER_PAGE, roles: ['unit_admin'] },
  { title: '会员单位', note: '全部会员单位及其名册', url: UNITS_PAGE, roles: ['secretariat'] },
  { title: '活动签到', note: '开启签到、签到名单、规则、审批与台账', url: CHECKIN_DESK_PAGE, roles: ['unit_admin'] },
  {
    title: '党员档案与先锋指数',
    note: '加分审核、扣分、处分、党费、民主评议、先锋指数、权益',
    url: RECORD_DESK_PAGE,
    roles: ['unit_admin'],
  },
  { title: '出勤看板', note: '按片组、按单位的出勤率', url: ATTENDANCE_DASHBOARD_PAGE, roles: ['secretariat'] },
  { title: '积分与指数规则', note: '各类积分、上限、先锋指数构成与等次、加扣分项目', url: RECORD_SETTINGS_PAGE, roles: ['secretariat'] },
  { title: '先锋指数分布', note: '按片组、按单位的等次人数与平均', url: INDEX_DISTRIBUTION_PAGE, roles: ['secretariat'] },
  { title: '年度结账', note: '冻结上一年度的先锋指数', url: INDEX_YEARS_PAGE, roles: ['secretariat'] },
  { title: '本单位展示视频', note: '网络击鼓传花：上传视频或填写视频号', url: VIDEO_ROUND_PAGE, roles: ['unit_admin'] },
  { title: '击鼓传花管理', note: '开启一轮、审核视频、评委评分、结果编入简报', url: VIDEO_ROUNDS_ADMIN_PAGE, roles: ['secretariat'] },
  { title: '审计日志', note: '管理操作记录', url: AUDIT_PAGE, roles: ['secretariat'] },
  { title: '书记信箱', note: '党员来信的受理、答复与期限', url: LETTER_INBOX_PAGE, roles: ['party_secretary'] },
  { title: '秘书处信箱', note: '写给协会秘书处的来信', url: `${LETTER_INBOX_PAGE}?box=secretariat`, roles: ['secretariat'] },
  { title: '书记信箱办理时效', note: '各单位来信数量、逾期与满意度', url: LETTER_TIMELINESS_PAGE, roles: ['secretariat'] },
  { title: '来信内容审核', note: '内容安全检查拦下的来信与回复', url: LETTER_REVIEW_PAGE, roles: ['unit_admin', 'secretariat'] },
  {
    title: '年度评优',
    note: '先进集体、优秀会员、优秀信息员：候选、推荐、评审与公示',
    url: AWARD_REVIEWS_PAGE,
    roles: ['secretariat', 'group_leader'],
  },
  { title: '评审任务', note: '分配给我的案例与课题评审', url: REVIEW_QUEUE_PAGE, roles: ['reviewer'] },
  { title: '征集与评审', note: '登记、初审、分配评审、结果发布、导出', url: CALLS_PAGE, roles: ['secretariat'] },
  { title: '编辑简报', note: '新建、编辑、预览、发布和更正简报', url: BULLETIN_DESK_PAGE, roles: ['secretariat'] },
  { title: '导入往期', note: '上传 Word 或文本格式的往期简报', url: BULLETIN_IMPORT_PAGE, roles: ['secretariat'] },
  { title: '批量导入往期', note: '一次导入多个文件：Word、WPS、PDF 或文本', url: BULLETIN_CATALOGUE_PAGE, roles: ['secretariat'] },
  { title: '阅读统计', note: '每期简报各片组、各单位的阅读人数', url: BULLETIN_STATS_PAGE, roles: ['secretariat'] },
];

export default function MeTab() {
  const session = useRequireSession();
  // Roles or unit may have changed since sign-in: the profile is read again each time 我的 shows.
  const profile = useLoaded(session ? 'me' : null, refreshProfile, { refreshOnShow: true });
  const signingOut = useAction(async () => signOut(), {
    confirm: { title: '退出登录', content: '退出后需要重新登录才能使用。', confirmText: '退出' },
  });

  if (!session)
    return (
      <Page>
        <StateView kind="loading" />
      </Page>
    );
  const { user } = session;
  const entries = ROLE_ENTRIES.filter((entry) => hasAnyRole(user.roles, entry.roles));

  return (
    <Page className="zj-me" busy={profile.refreshing}>
      <Card className="zj-me__profile">
        <Text className="zj-me__name">{user.name}</Text>
        <View className="zj-me__tags">
          {user.roles.map((role) => (
            <Text key={role} className="zj-me__tag">
              {ROLE_LABELS[role]}
            </Text>
          ))}
          <Text className="zj-me__tag zj-me__tag--plain">{MEMBER_KIND_LABELS[user.kind]}</Text>
        </View>
        {profile.error ? <Text className="zj-me__warning">资料未能刷新：{profile.error}</Text> : null}
      </Card>

      <CellGroup>
        <Cell title="手机号" value={user.phoneMasked} />
        <Cell title="所在单位" value={user.unit?.name ?? '未关联单位'} />
        {user.branch ? <Cell title="党组织" value={user.branch.name} /> : null}
        {user.group ? <Cell title="片组" value={user.group.name} /> : null}
      </CellGroup>

      {hasAnyRole(user.roles, ['member']) ? (
        <>
          <Text className="zj-section-title">党员卡</Text>
          <CellGroup>
            <Cell
              title="党员卡"
              note="身份码、先锋指数、积分、党费与评议"
              arrow
              onClick={() => void Taro.navigateTo({ url: RECORD_CARD_PAGE })}
            />
            <Cell
              title="加分与扣分"
              note="我的加分申报、扣分与申诉"
              arrow
              onClick={() => void Taro.navigateTo({ url: RECORD_LIST_PAGE })}
            />
            <Cell
              title="评优公示"
              note="年度评优公示名单，可在公示期内提出异议"
              arrow
              onClick={() => void Taro.navigateTo({ url: AWARD_PUBLICITY_PAGE })}
            />
            <Cell
              title="网络击鼓传花"
              note="各单位展示视频：观看、点赞、讨论"
              arrow
              onClick={() => void Taro.navigateTo({ url: VIDEO_ROUND_PAGE })}
            />
            <Cell
              title="书记直通车"
              note="给书记或协会写信，查看答复；党群聊吧"
              arrow
              onClick={() => void Taro.navigateTo({ url: LETTERS_PAGE })}
            />
          </CellGroup>
        </>
      ) : null}

      <Text className="zj-section-title">简报</Text>
      <CellGroup>
        <Cell title="我的收藏" note="阅读时收藏的文章" arrow onClick={() => void Taro.navigateTo({ url: FAVOURITES_PAGE })} />
        <Cell title="阅读记录" note="读过的简报文章" arrow onClick={() => void Taro.navigateTo({ url: READS_PAGE })} />
        <Cell
          title="离线阅读与待发送"
          note="本机保存的简报、离线时保存待发送的内容"
          arrow
          onClick={() => void Taro.navigateTo({ url: OUTBOX_PAGE })}
        />
      </CellGroup>

      {entries.length > 0 ? (
        <>
          <Text className="zj-section-title">工作</Text>
          <CellGroup>
            {entries.map((entry) => (
              <Cell key={entry.url} title={entry.title} note={entry.note} arrow onClick={() => void Taro.navigateTo({ url: entry.url })} />
            ))}
          </CellGroup>
        </>
      ) : null}

      <CellGroup>
        <Cell title="案例库" note="已发布的优秀案例与评审意见" arrow onClick={() => void Taro.navigateTo({ url: CASES_PAGE })} />
      </CellGroup>

      <Text className="zj-section-title">阅读字号（仅对本机生效）</Text>
      <Card>
        <FontSizePicker />
      </Card>

      <CellGroup>
        <Cell title="隐私保护指引" note="我们使用哪些个人信息、为什么" arrow onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })} />
      </CellGroup>

      <View className="zj-me__signout">
        <Button block variant="danger" onClick={() => void signingOut.run()}>
          退出登录
        </Button>
      </View>
    </Page>
  );
}
