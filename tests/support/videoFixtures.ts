import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const DIR = path.join(tmpdir(), 'zhijian-video-fixtures');

/**
 * Videos made with Debian's ffmpeg from its test sources (testsrc pictures, a sine tone), small
 * and cheap: kept in the temp directory, so the test files of one run make each only once.
 */
const RECIPES = {
  /** What a phone sends: H.264 + AAC in MP4. */
  good: (n: number) => [
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=160x120:rate=10:duration=${n}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${n}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
  ],
  /** Over three minutes, made cheap: a 32×32 picture at one frame a second, no sound. */
  long: () => [
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=32x32:rate=1:duration=200',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
  ],
  /** MP4, but MPEG-4 Part 2 video and MP3 sound. */
  mpeg4: () => [
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=10:duration=2',
    '-f',
    'lavfi',
    '-i',
    'sine=duration=2',
    '-c:v',
    'mpeg4',
    '-c:a',
    'libmp3lame',
    '-shortest',
  ],
  /** VP9 in WebM: a real video of the wrong kind. */
  webm: () => [
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x120:rate=10:duration=2',
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime',
    '-b:v',
    '100k',
  ],
} as const;

type Recipe = keyof typeof RECIPES;
const EXTENSIONS: Record<Recipe, string> = { good: 'mp4', long: 'mp4', mpeg4: 'mp4', webm: 'webm' };

/** The path of a generated fixture (made on first use). */
export async function videoFixturePath(recipe: Recipe, seconds = 2): Promise<string> {
  await mkdir(DIR, { recursive: true });
  const file = path.join(DIR, `${recipe}-${seconds}.${EXTENSIONS[recipe]}`);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}.part`;
  await run('ffmpeg', ['-v', 'error', '-y', ...RECIPES[recipe](seconds), '-f', EXTENSIONS[recipe], partial], { timeout: 120_000 });
  await rename(partial, file);
  return file;
}

export async function videoFixture(recipe: Recipe, seconds = 2): Promise<Buffer> {
  return readFile(await videoFixturePath(recipe, seconds));
}
