import Taro from '@tarojs/taro';
import {
  api,
  ApiError,
  ErrorBody,
  Video,
  VIDEO_MAX_BYTES,
  type VideoChannelInput,
  type VideoReview,
  type VideoRoundInput,
} from '@zhijian/shared';
import type { z } from 'zod';
import { call, client, ensureFreshToken } from './api';
import { API_BASE, isH5 } from './env';
import { UserError } from './errors';
import type { PickedFile } from './files';

/** 网络击鼓传花: rounds, videos, playback, likes, comments, review and results. */

export function videoRounds() {
  return call(api.videos.listRounds, {});
}

export function videoRound(id: number) {
  return call(api.videos.getRound, { params: { id } });
}

export function getVideo(id: number) {
  return call(api.videos.get, { params: { id } });
}

/** Addresses the `video` and `image` components fetch themselves (a two-hour ticket instead of our header). */
export async function videoPlayback(id: number) {
  const playback = await call(api.videos.playback, { params: { id } });
  return { ...playback, url: `${API_BASE}${playback.url}`, posterUrl: playback.posterUrl ? `${API_BASE}${playback.posterUrl}` : null };
}

export function likeVideo(id: number) {
  return call(api.videos.like, { params: { id } });
}

export function videoComments(id: number) {
  return call(api.videos.comments, { params: { id } });
}

export function commentOnVideo(id: number, body: string) {
  return call(api.videos.comment, { params: { id }, body: { body } });
}

export function linkChannelVideo(roundId: number, input: z.input<typeof VideoChannelInput>) {
  return call(api.videos.linkChannel, { params: { id: roundId }, body: input });
}

// ── The secretariat.

export function openVideoRound(input: z.input<typeof VideoRoundInput>) {
  return call(api.videos.openRound, { body: input });
}

export function reviewVideo(id: number, review: z.input<typeof VideoReview>) {
  return call(api.videos.review, { params: { id }, body: review });
}

export function scoreVideo(id: number, score: number) {
  return call(api.videos.score, { params: { id }, body: { score } });
}

export function hideVideoComment(id: number, reason: string) {
  return call(api.videos.hideComment, { params: { id }, body: { reason } });
}

export function videoResults(roundId: number) {
  return call(api.videos.results, { params: { id: roundId } });
}

export function placeVideoResults(roundId: number, issueId: number, top: number) {
  return call(api.videos.placeInBulletin, { params: { id: roundId }, body: { issueId, top } });
}

// ── Uploading, with progress.

/**
 * A video from the album or the camera. `compressed: false`: WeChat would otherwise re-encode it on
 * the phone (the server checks codec and length anyway). Some Android phones report `size` as a
 * string, so it is read as a number before the limit is checked.
 */
export async function pickVideo(): Promise<PickedFile | null> {
  try {
    if (isH5()) return await pickVideoInBrowser();
    const result = await Taro.chooseMedia({ count: 1, mediaType: ['video'], sourceType: ['album', 'camera'], maxDuration: 60 });
    const file = result.tempFiles[0];
    if (!file) return null;
    return { path: file.tempFilePath, size: Number(file.size) || 0, name: 'video.mp4' };
  } catch (error) {
    if (/cancel/i.test((error as { errMsg?: string })?.errMsg ?? '')) return null;
    throw error;
  }
}

function pickVideoInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'video/mp4,.mp4';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), size: file.size, name: file.name, file } : null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

function answer(statusCode: number, data: string): Video {
  let body: unknown = null;
  try {
    body = JSON.parse(data);
  } catch {
    // not JSON: reported below by status
  }
  if (statusCode >= 400) {
    const parsed = ErrorBody.safeParse(body);
    throw parsed.success
      ? new ApiError(statusCode, parsed.data.error.code, parsed.data.error.message, parsed.data.error.details)
      : new ApiError(statusCode, 'bad_response', `上传失败（${statusCode}）`);
  }
  return Video.parse(body);
}

/** H5: XHR, for its upload progress events (fetch has none). */
function uploadInBrowser(url: string, file: File, onProgress: (percent: number) => void): Promise<Video> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(client.headers())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      try {
        resolve(answer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '上传失败，请检查网络后重试'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Uploads the unit's video to a round (multipart, field `file`), reporting progress in percent. */
export async function uploadVideo(roundId: number, title: string, file: PickedFile, onProgress: (percent: number) => void): Promise<Video> {
  if (file.size > VIDEO_MAX_BYTES) throw new UserError('视频超过 100 MB，请剪短或压缩后再上传');
  await ensureFreshToken();
  const url = client.url(api.videos.upload, { params: { id: roundId }, query: { title } });
  if (file.file) return uploadInBrowser(url, file.file, onProgress);
  const result = await new Promise<{ statusCode: number; data: string }>((resolve, reject) => {
    const task = Taro.uploadFile({
      url,
      filePath: file.path,
      name: 'file',
      fileName: file.name,
      header: client.headers(),
      timeout: 600_000,
      success: (res) => resolve({ statusCode: res.statusCode, data: String(res.data) }),
      fail: (err) => reject(new ApiError(0, 'network', `上传失败：${err.errMsg ?? '网络连接失败'}`)),
    });
    task?.onProgressUpdate?.((progress) => onProgress(progress.progress));
  });
  const video = answer(result.statusCode, result.data);
  onProgress(100);
  return video;
}
