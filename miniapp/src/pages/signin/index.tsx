import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { SignInOptions } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Agreement } from '../../components/Agreement';
import { Button } from '../../components/Button';
import { DevSignInPicker } from '../../components/DevSignInPicker';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { BIND_PAGE, HOME_TAB } from '../../routes';
import { fetchSignInOptions, signInWithCode, signInWithPassword, signInWithWechat, type SignInOutcome } from '../../services/auth';
import { isWeapp } from '../../services/env';
import { messageOf } from '../../services/errors';
import { toast } from '../../services/navigation';
import { hasAgreedToPrivacy, rememberAgreement } from '../../services/privacy';
import { getSession } from '../../services/session';
import './index.scss';

type Busy = 'wechat' | 'password' | string | null;

function goHome(): void {
  void Taro.switchTab({ url: HOME_TAB });
}

export default function SignInPage() {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [agreed, setAgreed] = useState(hasAgreedToPrivacy);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const weapp = isWeapp();

  // Already signed in (a stored, unexpired token): straight on to the tabs.
  useDidShow(() => {
    if (getSession()) goHome();
  });

  useEffect(() => {
    fetchSignInOptions()
      .then(setOptions)
      // Without options only the dev picker is missing; the sign-in itself still works.
      .catch(() => setOptions(null));
  }, []);

  async function run(key: Exclude<Busy, null>, action: () => Promise<SignInOutcome | 'signed_in'>) {
    if (!agreed) {
      toast('请先阅读并同意《隐私保护指引》');
      return;
    }
    rememberAgreement();
    setBusy(key);
    setError(null);
    try {
      const outcome = await action();
      if (outcome === 'signed_in' || outcome.status === 'signed_in') goHome();
      else void Taro.navigateTo({ url: BIND_PAGE });
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  }

  const signInByPassword = () =>
    run('password', async () => {
      await signInWithPassword(username.trim(), password);
      return 'signed_in';
    });

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
          <Button block loading={busy === 'wechat'} disabled={busy !== null} onClick={() => void run('wechat', signInWithWechat)}>
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
            onConfirm={() => void signInByPassword()}
          />
          <Button block loading={busy === 'password'} disabled={busy !== null} onClick={() => void signInByPassword()}>
            登录
          </Button>
        </View>
      )}

      <Agreement agreed={agreed} onChange={setAgreed} />
      {error ? <Text className="zj-signin__error">{error}</Text> : null}

      {options?.devSignIn && options.devAccounts.length > 0 ? (
        <DevSignInPicker accounts={options.devAccounts} busyKey={busy} onPick={(code) => void run(code, () => signInWithCode(code))} />
      ) : null}
    </Page>
  );
}
