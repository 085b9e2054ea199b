import { Text, View } from '@tarojs/components';
import type { SignInOptions } from '@zhijian/shared';
import { Button } from '../Button';
import './index.scss';

interface DevSignInPickerProps {
  accounts: SignInOptions['devAccounts'];
  /** What is signing in right now (an account's code, or another method), if anything. */
  busyKey: string | null;
  onPick: (code: string) => void;
}

/** Development only: the server lists demo accounts when it accepts `dev:` codes. */
export function DevSignInPicker({ accounts, busyKey, onPick }: DevSignInPickerProps) {
  return (
    <View className="zj-dev-picker">
      <Text className="zj-dev-picker__title">开发环境 · 演示账号登录</Text>
      <Text className="zj-dev-picker__note">仅在未配置微信小程序的开发环境出现，正式环境不会显示。</Text>
      <View className="zj-dev-picker__list">
        {accounts.map((account) => (
          <Button
            key={account.code}
            variant="plain"
            size="small"
            loading={busyKey === account.code}
            disabled={busyKey !== null}
            onClick={() => onPick(account.code)}
          >
            {account.label}
          </Button>
        ))}
      </View>
    </View>
  );
}
