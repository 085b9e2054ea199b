import { Image, Text, View } from '@tarojs/components';
import { api } from '@zhijian/shared';
import { useEffect, useState } from 'react';
import { client } from '../../services/api';
import { localCopy } from '../../services/download';
import './submissions.scss';

/** An uploaded image: members-only, so it is fetched with the token and shown from a local copy. */
export function AuthedImage({ fileId, className }: { fileId: number; className?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    localCopy(client.url(api.entries.file, { params: { id: fileId } }))
      .then((local) => live && setSrc(local))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [fileId]);
  if (failed)
    return (
      <View className={`zj-thumb zj-thumb--failed ${className ?? ''}`}>
        <Text>图片无法显示</Text>
      </View>
    );
  if (!src) return <View className={`zj-thumb zj-thumb--loading ${className ?? ''}`} />;
  return <Image className={`zj-thumb ${className ?? ''}`} src={src} mode="aspectFill" />;
}
