import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PasswordSignInBody, WechatSignInBody } from '@zhijian/shared';
import { useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { z } from 'zod';
import { Agreement } from '../../components/Agreement';
import { Button } from '../../components/Button';
import { DevSignInPicker } from '../../components/DevSignInPicker';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { useLoaded } from '../../hooks/useLoaded';
import { isWideScreen } from '../../console/useWideScreen';
import { BIND_PAGE, CONSOLE_HOME_PAGE, HOME_TAB } from '../../routes';
import { fetchSignInOptions, signInWithCode, signInWithPassword, signInWithWechat } from '../../services/auth';
import { isH5, isWeapp } from '../../services/env';
import { onFirstScreenForm, type SplashForm } from '../../services/firstScreen';
import { toast } from '../../services/feedback';
import { isAppPage, openAlone } from '../../services/navigation';
import { hasAgreedToPrivacy, rememberAgreement } from '../../services/privacy';
import { getSession, reloadSession } from '../../services/session';
import './index.scss';

/** How to sign in: WeChat, username and password, or a demo account's `dev:` code. */
type Method =
  { kind: 'wechat' } | ({ kind: 'password' } & z.input<typeof PasswordSignInBody>) | ({ kind: 'code' } & z.input<typeof WechatSignInBody>);

/**
 * Where a signed-in person goes: back to the page that sent them here (`next`, e.g. an article
 * opened from a link), or else the secretariat at a desktop-wide browser to its home dashboard and
 * everyone else to the 简报 tab.
 */
function goOn(next: string | null): void {
  if (next) return openAlone(next);
  const secretariat = getSession()?.user.roles.includes('secretariat') ?? false;
  if (isH5() && secretariat && isWideScreen()) return openAlone(CONSOLE_HOME_PAGE);
  void Taro.switchTab({ url: HOME_TAB });
}

async function signIn(method: Method, next: string | null): Promise<void> {
  if (method.kind === 'password') {
    await signInWithPassword(method.username, method.password);
    goOn(next);
    return;
  }
  const outcome = method.kind === 'wechat' ? await signInWithWechat() : await signInWithCode(method.code);
  if (outcome.status === 'signed_in') goOn(next);
  else void Taro.navigateTo({ url: BIND_PAGE });
}

/** The page to come back to, if the link named one of ours. */
function nextOf(param: string | undefined): string | null {
  if (!param) return null;
  const url = decodeURIComponent(param);
  return isAppPage(url) ? url : null;
}

export default function SignInPage() {
  // Without options only the dev picker is missing; the sign-in itself still works.
  const { data: options } = useLoaded('options', fetchSignInOptions);
  const [agreed, setAgreed] = useState(hasAgreedToPrivacy);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // What index.html's form (H5) showed when it gave way: its error, and where the cursor was.
  const [formError, setFormError] = useState<string | null>(null);
  const [focus, setFocus] = useState<SplashForm['focus']>(null);
  const next = nextOf(useRouter().params.next);
  const action = useAction(signIn, { inline: true });
  const weapp = isWeapp();
  const busyWith = action.running?.[0] ?? null;
  const busyKey = busyWith === null ? null : busyWith.kind === 'code' ? busyWith.code : busyWith.kind;

  // Already signed in (a stored, unexpired token): straight on. In H5, index.html's form may have
  // stored one after the app's code read storage.
  useDidShow(() => {
    if (isH5()) reloadSession();
    if (getSession()) goOn(next);
  });

  // index.html's form, still up as the page is drawn, gives way in the same task: a layout effect
  // hears it, and the page takes its values before the browser paints.
  useLayoutEffect(
    () =>
      onFirstScreenForm({
        handover(form) {
          flushSync(() => {
            setUsername(form.username);
            setPassword(form.password);
            setAgreed(form.agreed);
            setFormError(form.error);
            setFocus(form.focus);
          });
        },
        signedIn() {
          reloadSession();
          goOn(next);
        },
      }),
    [next],
  );

  function run(method: Method) {
    if (!agreed) {
      toast('请先阅读并同意《隐私保护指引》');
      return;
    }
    rememberAgreement();
    setFormError(null);
    void action.run(method, next);
  }

  const signInByPassword = () => run({ kind: 'password', username: username.trim(), password });

  return (
    <Page className="zj-signin">
      <View className="zj-signin__brand">
        <Text className="zj-signin__logo">党</Text>
        <Text className="zj-signin__name">指尖党建</Text>
        <Text className="zj-signin__org">杭州市两新党务工作者协会</Text>
      </View>

      {weapp ? (
        <View className="zj-signin__panel">
          <Text className="zj-signin__lead">使用微信登录；首次登录需用单位邀请码绑定名册。</Text>
          <Button block loading={busyKey === 'wechat'} disabled={action.busy} onClick={() => run({ kind: 'wechat' })}>
            微信一键登录
          </Button>
        </View>
      ) : (
        <View className="zj-signin__panel">
          <Text className="zj-signin__lead">管理后台登录（账号由协会秘书处分配）</Text>
          <Field
            label="用户名"
            name="username"
            value={username}
            onChange={setUsername}
            placeholder="请输入用户名"
            maxlength={64}
            focus={focus === 'username'}
          />
          <Field
            label="密码"
            name="password"
            value={password}
            onChange={setPassword}
            placeholder="请输入密码"
            password
            maxlength={200}
            focus={focus === 'password'}
            onConfirm={signInByPassword}
          />
          <Button block loading={busyKey === 'password'} disabled={action.busy} onClick={signInByPassword}>
            登录
          </Button>
        </View>
      )}

      <Agreement agreed={agreed} onChange={setAgreed} />
      {(action.error ?? formError) ? <Text className="zj-signin__error">{action.error ?? formError}</Text> : null}

      {options?.devSignIn && options.devAccounts.length > 0 ? (
        <DevSignInPicker accounts={options.devAccounts} busyKey={busyKey} onPick={(code) => run({ kind: 'code', code })} />
      ) : null}
    </Page>
  );
}
