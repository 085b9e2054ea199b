import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { useLoaded } from '../../../../hooks/useLoaded';
import { volunteerCode } from '../../../../services/volunteer';
import '../../../checkin-admin/code/index.scss';

const RETRY_MS = 5000;

/**
 * The activity's rotating code (the check-in engine's, under its own key): the QR and its text,
 * replaced when its 15-second slot ends; the screen stays on meanwhile.
 */
function VolunteerCode({ id }: { id: number }) {
  const { data: code, error, loading, refresh } = useLoaded(id, volunteerCode);
  useEffect(() => {
    if (loading) return undefined;
    const timer = setTimeout(() => void refresh(), code && !error ? code.refreshInMs : RETRY_MS);
    return () => clearTimeout(timer);
  }, [code, error, loading, refresh]);
  useEffect(() => {
    void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: true })).catch(() => undefined);
    return () => {
      void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn: false })).catch(() => undefined);
    };
  }, []);
  if (!code) return error ? <StateView kind="error" description={error} /> : <StateView kind="loading" title="正在生成签到码…" />;
  return (
    <View className="zj-code">
      <Image className="zj-code__qr" src={code.qrDataUrl} mode="aspectFit" />
      <Text className="zj-code__label">无法扫码时输入签到码：</Text>
      <Text className="zj-code__text" selectable data-testid="volunteer-code">
        {code.token}
      </Text>
      <Text className="zj-muted">每 15 秒自动更换 · 已报名的党员扫码签到，获得公益积分</Text>
      {error ? <Text className="zj-code__error">{error}</Text> : null}
    </View>
  );
}

export default function VolunteerCodePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page>
      <RoleGate roles={['unit_admin', 'secretariat']}>
        {Number.isInteger(id) && id > 0 ? <VolunteerCode id={id} /> : <StateView kind="empty" title="未指定活动" />}
      </RoleGate>
    </Page>
  );
}
