/**
 * The phone browser's camera for 签到 (H5 only): opens the back camera, reads QR codes from its
 * frames with a decoder loaded on first use, and says in Chinese why it cannot when it cannot.
 */

export type Decoder = (video: HTMLVideoElement, canvas: HTMLCanvasElement) => string | null;

/**
 * Loaded on first use, in its own chunk: the decoder is needed only once a member opens the camera.
 * The build-time condition drops the import from the weapp build (webpack skips the branch of a
 * conditional that is false at compile time; inside an async function Babel would hide it), so
 * jsQR never weighs on the main package; weapp has `Taro.scanCode`.
 */
export const loadDecoder: () => Promise<Decoder> =
  process.env.TARO_ENV !== 'weapp'
    ? () => import(/* webpackChunkName: "qr-decoder" */ './decodeQr').then((module) => module.decodeQr)
    : () => Promise.reject(Object.assign(new Error('the weapp scans with Taro.scanCode'), { name: 'NotFoundError' }));

/** Why the camera could not be used, in words for the member (who can still type the code). */
export function cameraProblem(error: unknown): string {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? (error as Error).name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return '未获得相机权限：请在浏览器设置中允许本网页使用相机，或在下方输入签到码';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return '没有找到可用的相机，请在下方输入签到码';
    case 'NotReadableError':
    case 'AbortError':
      return '相机正被其他应用占用，请关闭后重试，或在下方输入签到码';
    default:
      return '无法打开相机，请在下方输入签到码';
  }
}

/** The back camera's stream; refused with a named error when there is none or it is not allowed. */
export async function openCamera(): Promise<MediaStream> {
  const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  // Browsers give no camera to pages served over plain http (other than localhost).
  if (!devices?.getUserMedia) throw Object.assign(new Error('no camera api'), { name: 'NotFoundError' });
  return devices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
}

export function stopCamera(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
