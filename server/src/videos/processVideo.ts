import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uploadRefusals, videoRefusals } from '@zhijian/shared';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { refuse } from '../errors';
import { runTool, VideoToolFailed, VideoToolMissing, type VideoTools } from './videoTools';

export interface VideoLimits extends VideoTools {
  maxBytes: number;
  maxSeconds: number;
}

export interface ProcessedVideo {
  /** The upload remuxed (no re-encoding) with its index first and its metadata (place, device) dropped. */
  data: Buffer;
  poster: Buffer | null;
  durationSeconds: number;
  width: number;
  height: number;
  videoCodec: string;
  audioCodec: string | null;
}

/** Past this a frame is no phone video: refused before ffmpeg decodes anything. */
const MAX_SIDE = 4096;
const MAX_STREAMS = 6;
const PROBE_TIMEOUT_MS = 20_000;
const REMUX_TIMEOUT_MS = 60_000;

const Probe = z.object({
  streams: z
    .array(
      z.looseObject({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
      }),
    )
    .default([]),
  format: z.looseObject({ format_name: z.string().optional(), duration: z.string().optional() }).optional(),
});

function toolRefusal(error: unknown): never {
  if (error instanceof VideoToolMissing) throw refuse(videoRefusals.tools_missing);
  if (error instanceof VideoToolFailed) throw refuse(uploadRefusals.file_unreadable, {}, '视频文件已损坏或无法读取');
  throw error;
}

/**
 * An uploaded showcase video, told by its content: an MP4 container (sniffed, never the name),
 * H.264 video and AAC audio (ffprobe), at most `maxSeconds` long and `maxBytes` big. The file is
 * remuxed so players can seek before it has downloaded, and a poster frame is taken from it.
 */
export async function processVideo(upload: Buffer, limits: VideoLimits): Promise<ProcessedVideo> {
  if (upload.length === 0) throw refuse(uploadRefusals.file_empty);
  if (upload.length > limits.maxBytes) throw refuse(videoRefusals.too_big, { limit: limits.maxBytes });
  const type = await fileTypeFromBuffer(upload);
  if (type?.mime !== 'video/mp4') throw refuse(videoRefusals.not_a_video, { detected: type?.mime ?? null });

  const dir = await mkdtemp(path.join(tmpdir(), 'zj-video-'));
  try {
    const input = path.join(dir, 'input.mp4');
    await writeFile(input, upload, { mode: 0o600 });
    const probeArgs = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input];
    const raw = await runTool(limits.ffprobePath, probeArgs, { timeoutMs: PROBE_TIMEOUT_MS, maxOutputBytes: 1024 * 1024 }).catch(
      toolRefusal,
    );
    let probe: z.infer<typeof Probe>;
    try {
      probe = Probe.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      throw refuse(uploadRefusals.file_unreadable, {}, '视频文件已损坏或无法读取');
    }
    if (!probe.format?.format_name?.split(',').includes('mp4')) {
      throw refuse(videoRefusals.not_a_video, { detected: probe.format?.format_name ?? null });
    }
    if (probe.streams.length > MAX_STREAMS) throw refuse(uploadRefusals.file_too_complex, { limit: `最多 ${MAX_STREAMS} 路音视频流` });
    const video = probe.streams.filter((s) => s.codec_type === 'video');
    const audio = probe.streams.filter((s) => s.codec_type === 'audio');
    const videoCodec = video[0]?.codec_name ?? null;
    const audioCodec = audio[0]?.codec_name ?? null;
    if (video.length !== 1 || videoCodec !== 'h264' || audio.length > 1 || (audio.length === 1 && audioCodec !== 'aac')) {
      throw refuse(videoRefusals.wrong_codec, { video: videoCodec, audio: audioCodec });
    }
    const width = video[0]!.width ?? 0;
    const height = video[0]!.height ?? 0;
    if (width <= 0 || height <= 0) throw refuse(uploadRefusals.file_unreadable, {}, '视频文件已损坏或无法读取');
    if (width > MAX_SIDE || height > MAX_SIDE)
      throw refuse(uploadRefusals.file_too_complex, { limit: `画面不超过 ${MAX_SIDE}×${MAX_SIDE}` });
    const durationSeconds = Number(probe.format.duration);
    if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
      throw refuse(uploadRefusals.file_unreadable, {}, '读不出视频时长，文件可能已损坏');
    }
    // A rounding half-second over the limit is the phone's, not the uploader's.
    if (durationSeconds > limits.maxSeconds + 0.5)
      throw refuse(videoRefusals.too_long, { seconds: durationSeconds, limit: limits.maxSeconds });

    const output = path.join(dir, 'output.mp4');
    const remux = ['-v', 'error', '-y', '-i', input, '-map', '0:v:0', '-map', '0:a?', '-c', 'copy', '-map_metadata', '-1'];
    await runTool(limits.ffmpegPath, [...remux, '-movflags', '+faststart', '-f', 'mp4', output], {
      timeoutMs: REMUX_TIMEOUT_MS,
      maxOutputBytes: 64 * 1024,
    }).catch(toolRefusal);
    const posterAt = Math.min(1, durationSeconds / 2).toFixed(2);
    const poster = await runTool(
      limits.ffmpegPath,
      [
        '-v',
        'error',
        '-ss',
        posterAt,
        '-i',
        output,
        '-frames:v',
        '1',
        '-vf',
        'scale=min(640\\,iw):-2',
        '-f',
        'image2',
        '-c:v',
        'mjpeg',
        'pipe:1',
      ],
      { timeoutMs: PROBE_TIMEOUT_MS, maxOutputBytes: 2 * 1024 * 1024 },
    ).catch((error: unknown) => {
      if (error instanceof VideoToolMissing) throw refuse(videoRefusals.tools_missing);
      return null; // A video whose frame cannot be taken still plays; the page shows no poster.
    });
    return {
      data: await readFile(output),
      poster: poster && poster.length > 0 ? poster : null,
      durationSeconds,
      width,
      height,
      videoCodec,
      audioCodec,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
