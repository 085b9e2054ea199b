import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useRef } from 'react';
import { api, call } from '../../services/api';
import { bulletinTemplateId, isWeapp } from '../../services/env';
import { messageOf } from '../../services/errors';
import { toast } from '../../services/navigation';

/**
 * "Remind me of the next issue": WeChat's subscription prompt (it needs a tap, and each allowance
 * is good for one message), then the server counts the allowance. Only in WeChat, and only when the
 * build knows the template.
 */
export function SubscribeReminder() {
  const templateId = bulletinTemplateId();
  const busy = useRef(false);
  if (!isWeapp() || !templateId) return null;

  async function subscribe() {
    if (busy.current) return;
    busy.current = true;
    try {
      let answer: unknown;
      try {
        // entityIds is Alipay's field; Taro's typings require it, WeChat ignores it.
        answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
      } catch {
        toast('暂时无法开启提醒，请稍后再试');
        return;
      }
      if ((answer as Record<string, unknown>)[templateId] !== 'accept') {
        toast('未开启提醒，可随时再点这里开启');
        return;
      }
      const { remaining } = await call(api.bulletins.subscribe);
      toast(`已开启：新一期发布时提醒您（共 ${remaining} 次）`);
    } catch (error) {
      toast(messageOf(error));
    } finally {
      busy.current = false;
    }
  }

  return (
    <View
      className="zj-bulletin-tab__remind"
      ariaRole="button"
      hoverClass="zj-bulletin-tab__remind--hover"
      onClick={() => void subscribe()}
    >
      <Text>新一期发布时提醒我</Text>
    </View>
  );
}
