import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PasswordSignInBody, WechatSignInBody } from '@zhijian/shared';
import { useState } from 'react';
import type { z } from 'zod';
import { Agreement } from '../../components/Agreement';
import { Button } from '../../components/Button';
import { DevSignInPicker } from '../../components/DevSignInPicker';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { useAction } from '../../hooks/useAction';
import { useLoaded } from '../../hooks/useLoaded';
import { BIND_PAGE, HOME_TAB } from '../../routes';
import { fetchSignInOptions, signInWithCode, signInWithPassword, signInWithWechat } from '../../services/auth';
import { isWeapp } from '../../services/env';
import { toast } from '../../services/feedback';
import { hasAgreedToPrivacy, rememberAgreement } from '../../services/privacy';
import { getSession } from '../../services/session';
import './index.scss';

/** How to sign in: WeChat, username and password, or a demo account's `dev:` code. */
type Method =
  { kind: 'wechat' } | ({ kind: 'password' } & z.input<typeof PasswordSignInBody>) | ({ kind: 'code' } & z.input<typeof WechatSignInBody>);

function goHome(): void {
  void Taro.switchTab({ url: HOME_TAB });
}

async function signIn(method: Method): Promise<void> {
  if (method.kind === 'password') {
    await signInWithPassword(method.username, method.password);
    goHome();
    return;
  }
  const outcome = method.kind === 'wechat' ? await signInWithWechat() : await signInWithCode(method.code);
  if (outcome.status === 'signed_in') goHome();
  else void Taro.navigateTo({ url: BIND_PAGE });
}

export default function SignInPage() {
  // Without options only the dev picker is missing; the sign-in itself still works.
  const { data: options } = useLoaded('options', fetchSignInOptions);
  const [agreed, setAgreed] = useState(hasAgreedToPrivacy);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(signIn, { inline: true });
  const weapp = isWeapp();
  const busyWith = action.running?.[0] ?? null;
  const busyKey = busyWith === null ? null : busyWith.kind === 'code' ? busyWith.code : busyWith.kind;

  // Already signed in (a stored, unexpired token): straight on to the tabs.
  useDidShow(() => {
    if (getSession()) goHome();
  });

  function run(method: Method) {
    if (!agreed) {
      toast('请先阅读并同意《隐私保护指引》');
      return;
    }
    rememberAgreement();
    void action.run(method);
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
          <Field label="用户名" name="username" value={username} onChange={setUsername} placeholder="请输入用户名" maxlength={64} />
          <Field
            label="密码"
            name="password"
            value={password}
            onChange={setPassword}
            placeholder="请输入密码"
            password
            maxlength={200}
            onConfirm={signInByPassword}
          />
          <Button block loading={busyKey === 'password'} disabled={action.busy} onClick={signInByPassword}>
            登录
          </Button>
        </View>
      )}

      <Agreement agreed={agreed} onChange={setAgreed} />
      {action.error ? <Text className="zj-signin__error">{action.error}</Text> : null}

      {options?.devSignIn && options.devAccounts.length > 0 ? (
        <DevSignInPicker accounts={options.devAccounts} busyKey={busyKey} onPick={(code) => run({ kind: 'code', code })} />
      ) : null}
    </Page>
  );
}
