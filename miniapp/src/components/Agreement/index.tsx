import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PRIVACY_PAGE } from '../../routes';
import './index.scss';

/** "I have read and agree to the privacy guide": never ticked for the reader, always their tap. */
export function Agreement({ agreed, onChange }: { agreed: boolean; onChange: (agreed: boolean) => void }) {
  return (
    <View className="zj-agreement">
      <View
        className={`zj-agreement__box${agreed ? ' zj-agreement__box--on' : ''}`}
        id="privacy-consent"
        ariaRole="checkbox"
        ariaLabel={agreed ? '已同意隐私保护指引' : '未同意隐私保护指引'}
        onClick={() => onChange(!agreed)}
      >
        {agreed ? '✓' : ''}
      </View>
      <Text className="zj-agreement__text" onClick={() => onChange(!agreed)}>
        我已阅读并同意
      </Text>
      <Text className="zj-agreement__link" onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE })}>
        《隐私保护指引》
      </Text>
    </View>
  );
}
