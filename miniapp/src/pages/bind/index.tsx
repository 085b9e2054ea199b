import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { StateView } from '../../components/StateView';
import { useAction } from '../../hooks/useAction';
import { useStore } from '../../hooks/useStore';
import { HOME_TAB, SIGN_IN_PAGE } from '../../routes';
import { bindAccount, pendingBindStore, type BindInput } from '../../services/auth';
import './index.scss';

/**
 * First WeChat sign-in: the account is tied to the person's entry in their unit's roster.
 * Identity comes from the roster (invite code + name + phone must match), never from WeChat alone.
 */
export default function BindPage() {
  const pending = useStore(pendingBindStore);
  const [inviteCode, setInviteCode] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const bind = useAction(
    async (input: BindInput) => {
      await bindAccount(input);
      void Taro.switchTab({ url: HOME_TAB });
    },
    { inline: true },
  );

  if (!pending) {
    return (
      <Page>
        <StateView kind="empty" title="绑定凭证已失效" description="请返回登录页重新登录后再绑定。" />
        <Button block variant="secondary" onClick={() => void Taro.reLaunch({ url: SIGN_IN_PAGE })}>
          返回登录
        </Button>
      </Page>
    );
  }

  const submit = () => bind.run({ inviteCode: inviteCode.trim(), name: name.trim(), phone: phone.trim() });

  return (
    <Page className="zj-bind">
      <Text className="zj-title">绑定单位名册</Text>
      <Text className="zj-paragraph zj-muted">
        首次使用请填写单位党务工作者提供的邀请码，以及名册中登记的姓名和手机号。三项与名册一致即可完成绑定，以后用微信直接登录。
      </Text>
      <Card>
        <Field
          label="单位邀请码"
          value={inviteCode}
          onChange={setInviteCode}
          placeholder="向本单位党务工作者索取"
          maxlength={32}
          error={bind.problems.inviteCode}
        />
        <Field label="姓名" value={name} onChange={setName} placeholder="与名册一致" maxlength={50} error={bind.problems.name} />
        <Field
          label="手机号"
          value={phone}
          onChange={setPhone}
          placeholder="名册登记的手机号"
          type="number"
          maxlength={20}
          error={bind.problems.phone}
        />
        {bind.error ? <Text className="zj-bind__error">{bind.error}</Text> : null}
        <View className="zj-bind__actions">
          <Button block loading={bind.busy} onClick={() => void submit()}>
            绑定并登录
          </Button>
        </View>
      </Card>
      <Text className="zj-muted">姓名和手机号只用于核对名册身份，手机号在列表中始终脱敏显示。</Text>
    </Page>
  );
}
