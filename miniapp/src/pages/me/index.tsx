import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { hasAnyRole, MEMBER_KIND_LABELS, ROLE_LABELS, type Role } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Cell, CellGroup } from '../../components/Cell';
import { FontSizePicker } from '../../components/FontSizePicker';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useRequireSession } from '../../hooks/useSession';
import { AUDIT_PAGE, PRIVACY_PAGE, REVIEW_QUEUE_PAGE, ROSTER_PAGE, UNITS_PAGE } from '../../routes';
import { refreshProfile, signOut } from '../../services/auth';
import { messageOf } from '../../services/errors';
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
  { title: '审计日志', note: '管理操作记录', url: AUDIT_PAGE, roles: ['secretariat'] },
  { title: '评审任务', note: '分配给我的案例与课题评审', url: REVIEW_QUEUE_PAGE, roles: ['reviewer'] },
];

export default function MeTab() {
  const session = useRequireSession();
  const [profileError, setProfileError] = useState<string | null>(null);

  useDidShow(() => {
    refreshProfile()
      .then(() => setProfileError(null))
      .catch((error: unknown) => setProfileError(messageOf(error)));
  });

  if (!session) return <Page><StateView kind='loading' /></Page>;
  const { user } = session;
  const entries = ROLE_ENTRIES.filter((entry) => hasAnyRole(user.roles, entry.roles));

  function confirmSignOut() {
    void Taro.showModal({ title: '退出登录', content: '退出后需要重新登录才能使用。', confirmText: '退出', cancelText: '取消' })
      .then((result) => {
        if (result.confirm) signOut();
      })
      .catch(() => signOut());
  }

  return (
    <Page className='zj-me'>
      <Card className='zj-me__profile'>
        <Text className='zj-me__name'>{user.name}</Text>
        <View className='zj-me__tags'>
          {user.roles.map((role) => (
            <Text key={role} className='zj-me__tag'>
              {ROLE_LABELS[role]}
            </Text>
          ))}
          <Text className='zj-me__tag zj-me__tag--plain'>{MEMBER_KIND_LABELS[user.kind]}</Text>
        </View>
        {profileError ? <Text className='zj-me__warning'>资料未能刷新：{profileError}</Text> : null}
      </Card>

      <CellGroup>
        <Cell title='手机号' value={user.phoneMasked} />
        <Cell title='所在单位' value={user.unit?.name ?? '未关联单位'} />
        {user.branch ? <Cell title='党组织' value={user.branch.name} /> : null}
        {user.group ? <Cell title='片组' value={user.group.name} /> : null}
      </CellGroup>

      {entries.length > 0 ? (
        <>
          <Text className='zj-section-title'>工作</Text>
          <CellGroup>
            {entries.map((entry) => (
              <Cell key={entry.url} title={entry.title} note={entry.note} arrow onClick={() => void Taro.navigateTo({ url: entry.url })} />
            ))}
          </CellGroup>
        </>
      ) : null}

      <Text className='zj-section-title'>阅读字号（仅对本机生效）</Text>
      <Card>
        <FontSizePicker />
      </Card>

      <CellGroup>
        <Cell title='隐私保护指引' note='我们使用哪些个人信息、为什么' arrow onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })} />
      </CellGroup>

      <View className='zj-me__signout'>
        <Button block variant='danger' onClick={confirmSignOut}>
          退出登录
        </Button>
      </View>
    </Page>
  );
}
