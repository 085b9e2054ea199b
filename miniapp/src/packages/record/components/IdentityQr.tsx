import { Image, Text, View } from '@tarojs/components';
import type { IdentityCode } from '@zhijian/shared';
import { useEffect } from 'react';
import type { z } from 'zod';
import { useLoaded } from '../../../hooks/useLoaded';
import './record.scss';

const RETRY_MS = 5000;

/**
 * The card's identity QR, signed and good for 60 seconds: replaced when the server says the next one
 * is due (`refreshInMs`), so the phone's own clock does not matter; after a failure, tried again
 * shortly. The organiser of a volunteer activity or a 微心愿 hand-over scans it.
 */
export function IdentityQr({ load }: { load: () => Promise<z.infer<typeof IdentityCode>> }) {
  const code = useLoaded('identity', load);
  const { data, error, loading, refresh } = code;

  useEffect(() => {
    if (loading) return undefined;
    const timer = setTimeout(() => void refresh(), data && !error ? Math.max(1000, data.refreshInMs) : RETRY_MS);
    return () => clearTimeout(timer);
  }, [data, error, loading, refresh]);

  return (
    <View className="zj-identity-qr">
      {data ? (
        <Image className="zj-identity-qr__image" src={data.qrDataUrl} mode="aspectFit" ariaLabel="身份码" />
      ) : (
        <View className="zj-identity-qr__image zj-identity-qr__image--empty">
          <Text>{error ? '身份码暂不可用' : '正在生成…'}</Text>
        </View>
      )}
      <Text className="zj-identity-qr__note">身份码每 60 秒更换</Text>
    </View>
  );
}
