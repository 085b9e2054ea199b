import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { useStore } from '../../hooks/useStore';
import { AGREE_BUTTON_ID, answerPrivacyPrompt, privacyPromptStore, reportPrivacyExposure } from '../../services/privacy';
import { PRIVACY_PAGE } from '../../routes';
import { Button } from '../Button';
import './index.scss';

/**
 * Shown when WeChat holds a privacy API back (onNeedPrivacyAuthorization). The agree button must be
 * an open-type="agreePrivacyAuthorization" button whose id is handed back to WeChat.
 */
export function PrivacyPopup() {
  const prompt = useStore(privacyPromptStore);
  useEffect(() => {
    if (prompt) reportPrivacyExposure();
  }, [prompt]);
  if (!prompt) return null;
  return (
    <View className="zj-privacy-popup">
      <View className="zj-privacy-popup__panel">
        <Text className="zj-privacy-popup__title">隐私保护提示</Text>
        <Text className="zj-privacy-popup__text">
          继续使用该功能前，请阅读并同意《指尖党建隐私保护指引》。我们只在提供该功能时使用必要的个人信息。
        </Text>
        <Text className="zj-privacy-popup__link" onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}>
          查看《指尖党建隐私保护指引》
        </Text>
        <View className="zj-privacy-popup__actions">
          <Button variant="plain" onClick={() => answerPrivacyPrompt(false)}>
            不同意
          </Button>
          <Button id={AGREE_BUTTON_ID} openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={() => answerPrivacyPrompt(true)}>
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  );
}
