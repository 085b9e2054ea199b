import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import { useSession } from '../hooks/useSession';
import { TAB_PAGES } from '../routes';
import { signOut } from '../services/auth';
import { confirm } from '../services/feedback';
import { ConsoleShell } from './ConsoleShell';
import { menuFor } from './menu';
import './pageTransition.scss';
import { useWideScreen } from './useWideScreen';

function open(path: string): void {
  const bare = path.split('?')[0]!;
  if (TAB_PAGES.includes(bare)) void Taro.switchTab({ url: bare });
  else void Taro.navigateTo({ url: path });
}

async function askToSignOut(): Promise<void> {
  if (await confirm({ title: '退出登录', content: '退出后需要重新登录才能使用。', confirmText: '退出' })) signOut();
}

function pathOf(router: ReturnType<typeof useRouter>): string {
  const path = router.path.startsWith('/') ? router.path : `/${router.path}`;
  const query = Object.entries(router.params)
    .filter(([key, value]) => key !== '$taroTimestamp' && typeof value === 'string')
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  return query && !path.includes('?') ? `${path}?${query}` : path;
}

/**
 * H5: at desktop width and signed in, the page is shown inside the console shell, and Taro's tab bar
 * and navigation bar step aside; on a phone's width, or signed out, the page is shown as it is.
 */
export function ConsoleFrame({ children }: { children: ReactNode }) {
  const wide = useWideScreen();
  const session = useSession();
  const router = useRouter();
  const active = wide && !!session;

  useEffect(() => {
    document.body.classList.toggle('zj-console-on', active);
  }, [active]);

  const title = (Taro.getCurrentInstance().page?.config as { navigationBarTitleText?: string } | undefined)?.navigationBarTitleText;
  // Bare on a phone's width or signed out: the same tree, so the page is not remounted when it turns.
  return (
    <ConsoleShell
      bare={!active}
      person={{ name: session?.user.name ?? '', roles: session?.user.roles ?? [] }}
      menu={session ? menuFor(session.user.roles) : []}
      path={pathOf(router)}
      title={title}
      canGoBack={Taro.getCurrentPages().length > 1}
      onNavigate={open}
      onBack={() => void Taro.navigateBack()}
      onSignOut={() => void askToSignOut()}
    >
      {children}
    </ConsoleShell>
  );
}
