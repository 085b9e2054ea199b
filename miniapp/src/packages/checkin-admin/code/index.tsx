import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatShanghaiTime } from '@zhijian/shared';
import { useEffect } from 'react';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { CHECKIN_LIVE_PAGE } from '../../../routes';
import { useLoaded } from '../../../hooks/useLoaded';
import { currentCode } from '../../../services/activities';
import './index.scss';

const RETRY_MS = 5000;

/**
 * Keeps the screen on while the code shows; answers how to let it go. The mini-program has
 * setKeepScreenOn; a browser has the Screen Wake Lock API where it has one (Taro's H5 build only
 * logs "暂时不支持" for setKeepScreenOn, so it is never called there).
 */
function keepScreenOn(): () => void {
  if (process.env.TARO_ENV === 'weapp') {
    if (!Taro.canIUse('setKeepScreenOn')) return () => undefined;
    void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: true })).catch(() => undefined);
    return () => void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: false })).catch(() => undefined);
  }
  const wakeLock = typeof navigator !== 'undefined' ? (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock : undefined;
  if (!wakeLock) return () => undefined;
  let released = false;
  let sentinel: { release: () => Promise<void> } | null = null;
  wakeLock.request('screen').then(
    (lock) => {
      if (released) void lock.release().catch(() => undefined);
      else sentinel = lock;
    },
    () => undefined,
  );
  return () => {
    released = true;
    void sentinel?.release().catch(() => undefined);
  };
}

interface WakeLockApi {
  request: (type: 'screen') => Promise<{ release: () => Promise<void> }>;
}

/**
 * The rotating code on the organiser's phone or a screen: the QR image and its text (for H5
 * members without a scanner), replaced exactly when its 15-second slot ends — the server says
 * how long that is, so the phone's own clock does not matter. The screen stays on meanwhile.
 */
export function RotatingCode({ activityId }: { activityId: number }) {
  const loaded = useLoaded(activityId, currentCode);
  const { data: code, error, loading, refresh } = loaded;

  // The next code exactly when this one's slot ends; after a failure (window not open yet or
  // closed, a network hiccup) another try shortly.
  useEffect(() => {
    if (loading) return undefined;
    const timer = setTimeout(() => void refresh(), code && !error ? code.refreshInMs : RETRY_MS);
    return () => clearTimeout(timer);
  }, [code, error, loading, refresh]);

  useEffect(() => keepScreenOn(), []);

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
