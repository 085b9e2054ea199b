import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/Button';
import { cameraProblem, loadDecoder, openCamera, stopCamera } from './camera';
import './index.scss';

/** How often a frame is read: enough to catch a 15-second code at once, light on a phone's battery. */
const FRAME_MS = 200;

interface CameraScanProps {
  /** The QR code's text, once read; the camera is closed by then. */
  onCode: (text: string) => void;
  /** The member closed the camera, or it could not be used (`problem` says why, for the page to show). */
  onClose: (problem?: string) => void;
}

/**
 * H5 only: the back camera's picture with a frame to aim at, read a few times a second until a QR
 * code is found. Denied or absent, it closes with a message; the code can always be typed below.
 */
export function CameraScan({ onCode, onClose }: CameraScanProps) {
  const video = useRef<HTMLVideoElement | null>(null);
  const [starting, setStarting] = useState(true);
  const callbacks = useRef({ onCode, onClose });
  callbacks.current = { onCode, onClose };

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const finish = () => {
      stopped = true;
      clearTimeout(timer);
      stopCamera(stream);
    };
    void (async () => {
      try {
        const [opened, decode] = await Promise.all([openCamera(), loadDecoder()]);
        stream = opened;
        if (stopped) return stopCamera(stream);
        const element = video.current!;
        element.srcObject = stream;
        await element.play();
        setStarting(false);
        const read = () => {
          if (stopped) return;
          const text = decode(element, canvas);
          if (text) {
            finish();
            callbacks.current.onCode(text);
          } else timer = setTimeout(read, FRAME_MS);
        };
        read();
      } catch (error) {
        if (stopped) return;
        finish();
        callbacks.current.onClose(cameraProblem(error));
      }
    })();
    return finish;
  }, []);

  return (
    <View className="zj-camera">
      <View className="zj-camera__view">
        <video ref={video} className="zj-camera__video" muted playsInline autoPlay aria-label="相机画面" />
        <View className="zj-camera__aim" />
        {starting ? <Text className="zj-camera__status">正在打开相机…</Text> : null}
      </View>
      <Text className="zj-muted zj-camera__hint">将组织者屏幕上的二维码放入框内，识别后自动签到</Text>
      <Button size="small" variant="plain" onClick={() => onClose()}>
        关闭相机
      </Button>
    </View>
  );
}
