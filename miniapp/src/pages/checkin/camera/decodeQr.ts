import jsQR from 'jsqr';

/**
 * Reads a QR code from the video's current frame, or null when there is none. Loaded on demand
 * (`import()` in ./camera.ts) and only in the H5 build: jsQR never reaches the weapp package,
 * where WeChat's own scanner (`Taro.scanCode`) reads the code.
 */
export function decodeQr(video: HTMLVideoElement, canvas: HTMLCanvasElement): string | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return null;
  // A frame scaled to at most 640 px wide: the organiser's code fills a good part of it, and a
  // smaller frame decodes several times a second on a modest phone.
  const scale = Math.min(1, 640 / width);
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
