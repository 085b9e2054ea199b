import { Text, View } from '@tarojs/components';
import { useAction } from '../../hooks/useAction';

/**
 * "Remind me of the next issue": one tap asks (WeChat's subscription prompt needs a tap, and each
 * allowance is good for one message); `onSubscribe` answers how many reminders are now due.
 */
export function SubscribeReminder({ onSubscribe }: { onSubscribe: () => Promise<number> }) {
  const subscribe = useAction(onSubscribe, { success: (remaining) => `已开启：新一期发布时提醒您（共 ${remaining} 次）` });
  return (
    <View
      className="zj-bulletin-tab__remind"
      ariaRole="button"
      hoverClass="zj-bulletin-tab__remind--hover"
      onClick={() => void subscribe.run()}
    >
      <Text>新一期发布时提醒我</Text>
    </View>
  );
}
