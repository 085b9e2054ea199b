import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatShanghaiTime, type CheckinCode } from '@zhijian/shared';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { CHECKIN_LIVE_PAGE } from '../../../routes';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import './index.scss';

/**
 * The rotating code on the organiser's phone or a screen: the QR image and its text (for H5
 * members without a scanner), replaced exactly when its 15-second slot ends — the server says
 * how long that is, so the phone's own clock does not matter. The screen stays on meanwhile.
 */
export function RotatingCode({ activityId }: { activityId: number }) {
  const [code, setCode] = useState<CheckinCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    let stopped = false;
    const fetchCode = async () => {
      try {
        const next = await call(api.activities.code, { params: { id: activityId } });
        if (stopped) return;
        setCode(next);
        setError(null);
        timer.current = setTimeout(() => void fetchCode(), next.refreshInMs);
      } catch (failure) {
        if (stopped) return;
        setError(messageOf(failure));
        // Window not open yet or closed: stop; a network hiccup: try again shortly.
        timer.current = setTimeout(() => void fetchCode(), 5000);
      }
    };
    void fetchCode();
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      stopped = true;
      clearTimeout(timer.current);
      void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
    };
  }, [activityId]);

  if (!code) return error ? <StateView kind="error" description={error} /> : <StateView kind="loading" title="正在生成签到码…" />;
  return (
    <View className="zj-code">
      <Image className="zj-code__qr" src={code.qrDataUrl} mode="aspectFit" />
      <Text className="zj-code__label">无法扫码时输入签到码：</Text>
      <Text className="zj-code__text" selectable data-testid="checkin-code">
        {code.token}
      </Text>
      <Text className="zj-muted">每 15 秒自动更换 · 签到截止 {formatShanghaiTime(new Date(code.window.closesAt))}</Text>
      {error ? <Text className="zj-code__error">{error}</Text> : null}
    </View>
  );
}

export default function CodePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page>
      <RoleGate roles={['unit_admin']}>
        {Number.isInteger(id) && id > 0 ? (
          <View>
            <RotatingCode activityId={id} />
            <Button block variant="secondary" onClick={() => void Taro.navigateTo({ url: `${CHECKIN_LIVE_PAGE}?id=${id}` })}>
              查看签到名单
            </Button>
          </View>
        ) : (
          <StateView kind="empty" title="未指定活动" />
        )}
      </RoleGate>
    </Page>
  );
}
