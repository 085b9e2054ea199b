import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Page } from '../../../miniapp/src/components/Page';
import PrivacyPage from '../../../miniapp/src/pages/privacy';
import { installPrivacyHandler } from '../../../miniapp/src/services/privacy';
import { taroControl } from '../../support/taro/taro';

describe('privacy', () => {
  it('the privacy page says which personal data is used and why', () => {
    render(<PrivacyPage />);
    for (const item of ['微信登录标识（openid）', '姓名、手机号', '位置信息', '签到记录']) {
      expect(screen.getByText(item)).toBeInTheDocument();
    }
    expect(screen.getByText(/只在您点击签到的那一刻获取一次/)).toBeInTheDocument();
  });

  it('answers onNeedPrivacyAuthorization with the popup and the agree button id (WeChat)', () => {
    process.env.TARO_ENV = 'weapp';
    installPrivacyHandler();
    expect(taroControl.privacyListener).toBeTypeOf('function');
    render(
      <Page>
        <span>页面内容</span>
      </Page>,
    );
    const answers: Array<{ event: string; buttonId?: string }> = [];
    act(() => taroControl.privacyListener!((answer) => answers.push(answer)));
    expect(screen.getByText('隐私保护提示')).toBeInTheDocument();
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    const agree = screen.getByRole('button', { name: '同意并继续' });
    expect(agree).toHaveAttribute('data-open-type', 'agreePrivacyAuthorization');
    expect(agree).toHaveAttribute('id', 'privacy-agree');
    fireEvent.click(agree);
    expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
    expect(screen.queryByText('隐私保护提示')).not.toBeInTheDocument();

    act(() => taroControl.privacyListener!((answer) => answers.push(answer)));
    fireEvent.click(screen.getByRole('button', { name: '不同意' }));
    expect(answers.at(-1)).toEqual({ event: 'disagree' });
  });
});
