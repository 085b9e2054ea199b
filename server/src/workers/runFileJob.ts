import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SERVER_ROOT } from '../paths';
import type { FileJobFailure, FileJobName, FileJobs } from './fileJobs';
import { tooComplex } from '../files/zipArchive';

export interface FileJobLimits {
  /** The worker is stopped after this long. */
  timeoutMs: number;
  /** The worker's JavaScript heap (old generation), in MB. */
  heapMb: number;
}

export const DEFAULT_FILE_JOB_LIMITS: FileJobLimits = { timeoutMs: 20_000, heapMb: 160 };

/** At most this many file jobs at once; more wait their turn, so memory stays bounded. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

function workerScript(): string {
  // From server/dist the build's JavaScript runs as is; from the sources a small .mjs registers tsx first.
  const built = path.join(SERVER_ROOT, 'dist', 'workers', 'fileJobs.js');
  if (import.meta.url.includes('/dist/') && existsSync(built)) return built;
  return path.join(SERVER_ROOT, 'src', 'workers', 'fileJobs.dev.mjs');
}

type JobResult<J extends FileJobName> = Awaited<ReturnType<FileJobs[J]>>;

/** A job failed inside the worker: its own error (e.g. a corrupt file), not a limit. */
export class FileJobError extends Error {
  constructor(readonly failure: FileJobFailure) {
    super(failure.message);
    this.name = 'FileJobError';
  }
}

/**
 * Runs one job of `fileJobs.ts` in a worker thread of its own, off the thread that answers
 * requests. Over its deadline or its heap, the worker is stopped and the upload refused
 * (`file_too_complex`); the job's own failure comes back as `FileJobError`.
 */
export async function runFileJob<J extends FileJobName>(
  job: J,
  input: Parameters<FileJobs[J]>[0],
  limits: FileJobLimits = DEFAULT_FILE_JOB_LIMITS,
): Promise<JobResult<J>> {
  const done = await turn();
  const worker = new Worker(workerScript(), {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
    stdout: false,
    stderr: false,
  });
  try {
    return await new Promise<JobResult<J>>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(tooComplex(`处理时间超过 ${Math.round(limits.timeoutMs / 1000)} 秒`));
        void worker.terminate();
      }, limits.timeoutMs);
      worker.once('message', (message: { result?: unknown; failure?: FileJobFailure }) => {
        clearTimeout(timer);
        if (message.failure) reject(new FileJobError(message.failure));
        else resolve(message.result as JobResult<J>);
      });
      worker.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(`处理所需内存超过 ${limits.heapMb} MB`) : error);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(code === 0 ? new Error('file worker exited without an answer') : tooComplex(`处理所需内存超过 ${limits.heapMb} MB`));
      });
      worker.postMessage({ job, input });
    });
  } finally {
    await worker.terminate();
    done();
  }
}
