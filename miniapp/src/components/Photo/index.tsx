import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useLoaded } from '../../hooks/useLoaded';
import { localCopy } from '../../services/download';
import './index.scss';

export interface PhotoProps {
  /** A members-only address (`entryFileUrl(id)`): fetched with the token, shown from a local copy. */
  src: string;
  /**
   * `cover`: a thumbnail filling its box, cropped, never stretched (a grid of photos);
   * `width`: the whole photo at the box's width, as tall as its shape makes it (one photo to read).
   */
  fit?: 'cover' | 'width';
  className?: string;
  /** What the photo shows, for a screen reader and the enlarged view's title. */
  label?: string;
}

/**
 * An uploaded photo in its own shape that opens large on a tap: WeChat's photo viewer in the
 * mini-program (zoom, save, swipe), a lightbox in H5 (a tap or Esc closes it).
 */
export function Photo({ src, fit = 'cover', className, label = '照片' }: PhotoProps) {
  const image = useLoaded(src, localCopy);
  const [open, setOpen] = useState(false);
  const local = image.data;

  useEffect(() => {
    if (!open || typeof document === 'undefined') return;
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [open]);

  const box = `zj-photo zj-photo--${fit} ${className ?? ''}`;
  if (image.error)
    return (
      <View className={`${box} zj-photo--failed`}>
        <Text>图片无法显示</Text>
      </View>
    );
  if (!local) return <View className={`${box} zj-photo--loading`} />;

  const enlarge = () => {
    if (process.env.TARO_ENV === 'h5') setOpen(true);
    else void Taro.previewImage({ current: local, urls: [local] });
  };
  return (
    <>
      <View className={box} ariaRole="button" ariaLabel={`查看大图：${label}`} onClick={enlarge}>
        <Image className="zj-photo__image" src={local} mode={fit === 'width' ? 'widthFix' : 'aspectFill'} />
      </View>
      {open ? (
        <View className="zj-lightbox" ariaRole="dialog" ariaLabel={label} onClick={() => setOpen(false)}>
          <Image className="zj-lightbox__image" src={local} mode="aspectFit" />
          <Text className="zj-lightbox__close">轻触任意处关闭</Text>
        </View>
      ) : null}
    </>
  );
}
