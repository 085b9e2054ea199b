import { Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Page } from '../../components/Page';
import { isWeapp } from '../../services/env';
import { openWechatPrivacyContract, PRIVACY_VERSION } from '../../services/privacy';
import './index.scss';

interface Item {
  what: string;
  why: string;
  when: string;
}

/** Every piece of personal data the app touches, why, and when. Keep in step with WeChat's guide. */
const ITEMS: Item[] = [
  {
    what: '微信登录标识（openid）',
    why: '识别您的微信账号，与单位名册中的您对应，免去每次输入密码',
    when: '每次微信登录时，由服务器向微信换取；不获取昵称、头像',
  },
  {
    what: '姓名、手机号',
    why: '首次绑定时与单位名册核对身份；列表中手机号只显示前三位和后四位',
    when: '绑定时由您填写；名册由本单位党务工作者或协会秘书处维护',
  },
  { what: '所在单位、党组织、片组、党员类别（固定/流动）', why: '确定您能看到的内容和可参加的活动，统计单位台账', when: '来自单位名册' },
  { what: '角色（党员、党务工作者、信息员、评审专家、秘书处）', why: '决定您可以使用的功能', when: '来自单位名册和协会设置' },
  { what: '签到记录', why: '记录党员固定活动日出勤，计入先锋指数和单位台账', when: '您签到时' },
  { what: '位置信息', why: '仅当您的单位开启“定位签到”时，核对您是否在活动地点', when: '只在您点击签到的那一刻获取一次，不在后台获取' },
  { what: '您提交的案例、信息和图片', why: '报送、评审和在简报中刊用', when: '您主动上传时' },
];

export default function PrivacyPage() {
  return (
    <Page className="zj-privacy">
      <Text className="zj-title">指尖党建隐私保护指引</Text>
      <Text className="zj-paragraph zj-muted">
        “指尖党建”由杭州市两新党务工作者协会提供，供会员单位的党员、党务工作者、评审专家和协会秘书处使用。我们只收集完成这些工作所必需的最少信息。
      </Text>

      <Text className="zj-section-title">我们使用哪些信息、为什么</Text>
      {ITEMS.map((item) => (
        <Card key={item.what} title={item.what}>
          <Text className="zj-paragraph">用途：{item.why}</Text>
          <Text className="zj-muted">何时获取：{item.when}</Text>
        </Card>
      ))}

      <Text className="zj-section-title">我们如何保护和保存</Text>
      <Card>
        <Text className="zj-paragraph">信息保存在协会的服务器上，传输全程加密；微信的会话密钥只保存在服务器，不下发到手机。</Text>
        <Text className="zj-paragraph">只有本单位党务工作者和协会秘书处能看到名册；管理操作均记入审计日志。</Text>
        <Text className="zj-paragraph">您离开单位或不再使用时，可请单位党务工作者从名册中移除，您的绑定随之解除。</Text>
        <Text className="zj-paragraph">我们不向任何第三方出售或提供您的个人信息，也不用于广告。</Text>
      </Card>

      <Text className="zj-section-title">您的权利</Text>
      <Card>
        <Text className="zj-paragraph">您可以在“我的”中查看自己的信息；如需更正或删除，请联系本单位党务工作者或协会秘书处。</Text>
        <Text className="zj-paragraph">拒绝位置授权不影响其他功能，只是在开启定位签到的活动中无法签到。</Text>
      </Card>

      {isWeapp() ? (
        <View className="zj-privacy__actions">
          <Button variant="secondary" block onClick={openWechatPrivacyContract}>
            查看微信平台上的隐私保护指引
          </Button>
        </View>
      ) : null}
      <Text className="zj-muted">版本 {PRIVACY_VERSION}</Text>
    </Page>
  );
}
