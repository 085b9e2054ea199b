import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CheckinSettingsInput } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { api, call } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { FormError } from '../components/FormError';

/** The unit's check-in window, late threshold and geofencing (off unless the unit turns it on). */
export function SettingsForm({ unitId }: { unitId: number }) {
  const [settings, setSettings] = useState<CheckinSettingsInput | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call(api.schedules.getSettings, { params: { unitId } })
      .then(setSettings)
      .catch((failure: unknown) => setError(messageOf(failure)));
  }, [unitId]);
  if (!settings) return <FormError message={error} />;
  const number = (key: 'windowBeforeMinutes' | 'windowAfterMinutes' | 'lateAfterMinutes') => (value: string) =>
    setSettings({ ...settings, [key]: Number(value) || 0 });

  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      setSettings(await call(api.schedules.updateSettings, { params: { unitId }, body: settings! }));
      void Taro.showToast({ title: '签到设置已保存', icon: 'success' });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View>
      <Field
        label="开始前多少分钟可以签到"
        type="number"
        value={String(settings.windowBeforeMinutes)}
        onChange={number('windowBeforeMinutes')}
        maxlength={3}
      />
      <Field
        label="开始后多少分钟截止签到"
        type="number"
        value={String(settings.windowAfterMinutes)}
        onChange={number('windowAfterMinutes')}
        maxlength={3}
      />
      <Field
        label="开始后多少分钟算迟到"
        type="number"
        value={String(settings.lateAfterMinutes)}
        onChange={number('lateAfterMinutes')}
        maxlength={3}
      />
      <Button
        size="small"
        variant={settings.geofence ? 'primary' : 'secondary'}
        onClick={() => setSettings({ ...settings, geofence: !settings.geofence })}
      >
        {settings.geofence ? '定位签到：已开启' : '定位签到：未开启'}
      </Button>
      <Text className="zj-muted">开启后，党员签到时需在活动地点范围内（只在签到那一刻获取一次位置）。</Text>
      <FormError message={error} />
      <Button block variant="secondary" loading={busy} onClick={() => void save()}>
        保存签到设置
      </Button>
    </View>
  );
}
