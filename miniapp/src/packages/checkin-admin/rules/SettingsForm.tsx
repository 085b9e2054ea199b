import { Text, View } from '@tarojs/components';
import type { CheckinSettingsInput } from '@zhijian/shared';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { FormError } from '../components/FormError';

/** The unit's check-in window, late threshold and geofencing (off unless the unit turns it on). */
export function SettingsForm({
  initial,
  onSave,
}: {
  initial: CheckinSettingsInput;
  /** Saves the settings; answers them as stored. */
  onSave: (settings: CheckinSettingsInput) => Promise<CheckinSettingsInput>;
}) {
  const [settings, setSettings] = useState(initial);
  const save = useAction(async () => setSettings(await onSave(settings)), { success: '签到设置已保存', inline: true });
  const number = (key: 'windowBeforeMinutes' | 'windowAfterMinutes' | 'lateAfterMinutes') => (value: string) =>
    setSettings({ ...settings, [key]: Number(value) || 0 });

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
      <FormError message={save.error} />
      <Button block variant="secondary" loading={save.busy} onClick={() => void save.run()}>
        保存签到设置
      </Button>
    </View>
  );
}
