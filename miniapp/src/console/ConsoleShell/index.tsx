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
  children: ReactNode;
}

/**
 * The desktop console around a page: a header (product, person and roles, sign-out), the side menu
 * grouped by job, breadcrumbs with a back control, and the page at a readable width. Pure: the
 * frame (console/frame.h5.tsx) gives it the session, the route and the navigation.
 */
export function ConsoleShell({ person, menu, path, title, canGoBack, onNavigate, onBack, onSignOut, children }: ConsoleShellProps) {
  const current = locate(path, menu)?.item;
  const crumbs = breadcrumbsFor(path, title, menu);
  const roles = person.roles.filter((role) => role !== 'member' || person.roles.length === 1).map((role) => ROLE_LABELS[role]);
  return (
    <View className="zj-console">
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
      <View className="zj-console__main">
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
        <View className="zj-console__content">{children}</View>
      </View>
    </View>
  );
}
