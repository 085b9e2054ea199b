import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Role } from '@zhijian/shared';
import type { ReactNode } from 'react';
import { breadcrumbsFor, locate, type MenuGroup } from '../menu';
import './index.scss';

export interface ConsoleShellProps {
  person: { name: string; roles: readonly Role[] };
  /** The person's menu (`menuFor(roles)`). */
  menu: readonly MenuGroup[];
  /** The page shown, with its query (`/packages/…/index?id=3`). */
  path: string;
  /** The page's own title, for the last breadcrumb. */
  title?: string;
  canGoBack: boolean;
  onNavigate: (path: string) => void;
  onBack: () => void;
  onSignOut: () => void;
  /**
   * No shell, only the page (a phone's width, or signed out). The page keeps its place in the tree
   * either way, so crossing 1024 px or signing in never remounts it and loses what was typed.
   */
  bare?: boolean;
  children: ReactNode;
}

/**
 * The desktop console around a page: a header (product, person and roles, sign-out), the side menu
 * grouped by job, breadcrumbs with a back control, and the page at a readable width. Pure: the
 * frame (console/frame.h5.tsx) gives it the session, the route and the navigation.
 */
export function ConsoleShell(props: ConsoleShellProps) {
  const { bare, children } = props;
  // The same elements in the same places whether bare or not: only the shell's parts come and go.
  return (
    <View className={bare ? 'zj-console-bare' : 'zj-console'}>
      {bare ? null : <ShellHeader {...props} />}
      {bare ? null : <ShellMenu {...props} />}
      <View className={bare ? 'zj-console-bare' : 'zj-console__main'}>
        {bare ? null : <ShellBar {...props} />}
        <View className={bare ? 'zj-console-bare' : 'zj-console__content'}>{children}</View>
      </View>
    </View>
  );
}

function ShellHeader({ person, onSignOut }: ConsoleShellProps) {
  const roles = person.roles.filter((role) => role !== 'member' || person.roles.length === 1).map((role) => ROLE_LABELS[role]);
  return (
    <View className="zj-console__header" ariaRole="banner">
      <View className="zj-console__brand">
        <Text className="zj-console__logo">党</Text>
        <Text className="zj-console__product">指尖党建</Text>
      </View>
      <View className="zj-console__who">
        <Text className="zj-console__name">{person.name}</Text>
        <Text className="zj-console__roles">{roles.join(' · ')}</Text>
        <View className="zj-console__signout" ariaRole="button" onClick={onSignOut}>
          退出登录
        </View>
      </View>
    </View>
  );
}

function ShellMenu({ menu, path, onNavigate }: ConsoleShellProps) {
  const current = locate(path, menu)?.item;
  return (
    <View className="zj-console__side" ariaRole="navigation" ariaLabel="主菜单">
      {menu.map((group) => (
        <View key={group.label} className="zj-console__group" ariaRole="group" ariaLabel={group.label}>
          <Text className="zj-console__group-label">{group.label}</Text>
          {group.items.map((item) => (
            <View
              key={item.path}
              className={`zj-console__item${item === current ? ' zj-console__item--on' : ''}`}
              ariaRole="link"
              onClick={() => onNavigate(item.path)}
            >
              {item.label}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function ShellBar({ menu, path, title, canGoBack, onNavigate, onBack }: ConsoleShellProps) {
  const crumbs = breadcrumbsFor(path, title, menu);
  return (
    <View className="zj-console__bar">
      {canGoBack ? (
        <View className="zj-console__back" ariaRole="button" onClick={onBack}>
          ‹ 返回
        </View>
      ) : null}
      <View className="zj-console__crumbs" ariaRole="navigation" ariaLabel="当前位置">
        {crumbs.map((crumb, index) => (
          <View key={`${index}-${crumb.label}`} className="zj-console__crumb">
            {index > 0 ? <Text className="zj-console__crumb-sep">/</Text> : null}
            {crumb.path ? (
              <Text className="zj-console__crumb-link" onClick={() => onNavigate(crumb.path!)}>
                {crumb.label}
              </Text>
            ) : (
              <Text>{crumb.label}</Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}
