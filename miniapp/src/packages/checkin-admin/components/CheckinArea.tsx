import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PlaceFields } from '@zhijian/shared';
import type { z } from 'zod';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useAction } from '../../../hooks/useAction';
import { UserError, type Problems } from '../../../services/errors';
import { FormError } from './FormError';
import './forms.scss';

/** Where check-in is allowed when the unit turned 定位签到 on: a point and a radius around it. */
export type CheckinAreaDraft = Pick<z.output<typeof PlaceFields>, 'latitude' | 'longitude' | 'radiusMeters'>;

/** A building and its courtyard; GPS indoors is often off by 100 m or more. */
export const DEFAULT_RADIUS_METERS = 300;

/**
 * The activity place's position, taken where the organiser stands (usually at the place, setting it
 * up). `gcj02`, the datum the members' phones send at check-in (services/checkin.ts), so both are
 * compared in the same coordinates.
 */
export function CheckinArea({
  value,
  onChange,
  problems = {},
}: {
  value: CheckinAreaDraft;
  onChange: (patch: Partial<CheckinAreaDraft>) => void;
  problems?: Problems;
}) {
  const located = value.latitude !== null && value.longitude !== null;
  const locate = useAction(
    async () => {
      const position = await Taro.getLocation({ type: 'gcj02' }).catch(() => {
        throw new UserError('未能获取位置：请在设置中允许使用位置信息，并在活动地点重试');
      });
      onChange({
        latitude: round(position.latitude),
        longitude: round(position.longitude),
        radiusMeters: value.radiusMeters ?? DEFAULT_RADIUS_METERS,
      });
    },
    { inline: true },
  );

  return (
    <View className="zj-checkin-area">
      <Text className="zj-agenda__label">签到位置（开启定位签到时核对）</Text>
      {located ? (
        <>
          <Text className="zj-checkin-area__point">{`纬度 ${value.latitude}，经度 ${value.longitude}`}</Text>
          <Field
            label="签到范围（米）"
            type="number"
            value={value.radiusMeters === null ? '' : String(value.radiusMeters)}
            onChange={(meters) => onChange({ radiusMeters: meters.trim() ? Number(meters) || 0 : null })}
            maxlength={4}
            error={problems.radiusMeters}
          />
        </>
      ) : (
        <Text className="zj-muted">未设定：开启定位签到后，有位置的活动才核对成员是否在范围内。</Text>
      )}
      <FormError message={locate.error ?? problems.latitude} />
      <View className="zj-checkin-area__actions">
        <Button size="small" variant="secondary" loading={locate.busy} onClick={() => void locate.run()}>
          {located ? '改为当前位置' : '以当前位置为活动地点'}
        </Button>
        {located ? (
          <Button size="small" variant="plain" onClick={() => onChange({ latitude: null, longitude: null, radiusMeters: null })}>
            清除位置
          </Button>
        ) : null}
      </View>
    </View>
  );
}

/** Six decimals are about 0.1 m: more than GPS can tell, and short enough to read. */
function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}
