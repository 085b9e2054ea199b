import { Image, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { localCopy } from '../../services/download';
import './submissions.scss';

/**
 * An uploaded image at a members-only `src` (the page says where, e.g. `entryFileUrl(id)`): fetched
 * with the token and shown from a local copy.
 */
export function AuthedImage({ src, className }: { src: string; className?: string }) {
  const [local, setLocal] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    localCopy(src)
      .then((copy) => live && setLocal(copy))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [src]);
  if (failed)
    return (
      <View className={`zj-thumb zj-thumb--failed ${className ?? ''}`}>
        <Text>图片无法显示</Text>
      </View>
    );
  if (!local) return <View className={`zj-thumb zj-thumb--loading ${className ?? ''}`} />;
  return <Image className={`zj-thumb ${className ?? ''}`} src={local} mode="aspectFill" />;
}
