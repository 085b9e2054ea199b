import { Image, Text, View } from '@tarojs/components';
import { useLoaded } from '../../hooks/useLoaded';
import { localCopy } from '../../services/download';
import './submissions.scss';

/**
 * An uploaded image at a members-only `src` (the page says where, e.g. `entryFileUrl(id)`): fetched
 * with the token and shown from a local copy.
 */
export function AuthedImage({ src, className }: { src: string; className?: string }) {
  const image = useLoaded(src, localCopy);
  if (image.error)
    return (
      <View className={`zj-thumb zj-thumb--failed ${className ?? ''}`}>
        <Text>图片无法显示</Text>
      </View>
    );
  if (!image.data) return <View className={`zj-thumb zj-thumb--loading ${className ?? ''}`} />;
  return <Image className={`zj-thumb ${className ?? ''}`} src={image.data} mode="aspectFill" />;
}
