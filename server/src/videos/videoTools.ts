import { execFile } from 'node:child_process';

/** Where Debian's ffprobe and ffmpeg are (FFPROBE_PATH, FFMPEG_PATH). */
export interface VideoTools {
  ffprobePath: string;
  ffmpegPath: string;
}

/** The tool is not installed (or not runnable): uploads are refused with a clear message, not a 500. */
export class VideoToolMissing extends Error {}

/** The tool ran and failed: the file is not what it claims, or it took too long. */
export class VideoToolFailed extends Error {}

/**
 * Runs ffprobe/ffmpeg as a child process (off the event loop) with a deadline and a bound on what
 * it may print, so a hostile file can neither hang a request nor fill the server's memory.
 */
export function runTool(
  path: string,
  args: string[],
  { timeoutMs, maxOutputBytes }: { timeoutMs: number; maxOutputBytes: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      path,
      args,
      { timeout: timeoutMs, maxBuffer: maxOutputBytes, killSignal: 'SIGKILL', encoding: 'buffer', windowsHide: true },
      (error, stdout) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES') return reject(new VideoToolMissing(`${path}: ${code}`));
        reject(new VideoToolFailed(error.message.slice(0, 500)));
      },
    );
  });
}

/** Whether ffprobe and ffmpeg answer `-version`: checked at start-up, where a missing one is warned about. */
export async function videoToolsAvailable(tools: VideoTools): Promise<{ ffprobe: boolean; ffmpeg: boolean }> {
  const answers = async (path: string) =>
    runTool(path, ['-version'], { timeoutMs: 5_000, maxOutputBytes: 64 * 1024 }).then(
      () => true,
      () => false,
    );
  const [ffprobe, ffmpeg] = await Promise.all([answers(tools.ffprobePath), answers(tools.ffmpegPath)]);
  return { ffprobe, ffmpeg };
}
