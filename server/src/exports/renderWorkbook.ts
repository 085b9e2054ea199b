import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { SERVER_ROOT } from '../paths';
import type { LiveListRows } from '../queries/activities';
import type { ExportJob, ExportResult } from './exportJob';
import type { WorkbookSpec } from './workbookSpec';

/**
 * Workbooks are written on the pool's worker threads, one core left to the thread that answers
 * requests (on two cores, one export at a time; more wait their turn). Workers start on the first
 * export and end 15 seconds after the last: an idle server holds no worker thread and its heap.
 */
const MAX_THREADS = Math.max(1, availableParallelism() - 1);
const IDLE_MS = 15_000;
const TIMEOUT_MS = 60_000;

function workerScript(): string {
  // From server/dist the build's JavaScript runs as is; from the sources a small .mjs registers tsx first.
  const built = path.join(SERVER_ROOT, 'dist', 'workers', 'exportJobs.js');
  if (import.meta.url.includes('/dist/') && existsSync(built)) return built;
  return path.join(SERVER_ROOT, 'src', 'workers', 'exportJobs.dev.mjs');
}

let pool: Piscina | undefined;

function exportPool(): Piscina {
  pool ??= new Piscina({
    filename: workerScript(),
    minThreads: 0,
    maxThreads: MAX_THREADS,
    idleTimeout: IDLE_MS,
    // No lower priority (`niceIncrement`): on a machine shared with other work a niced worker
    // starved for tens of seconds; keeping a core free does the main thread's part.
    // A ledger of a large unit over years is tens of thousands of rows; far more is a bug. The
    // young generation is set to 64 MB: with the worker's default, writing a 3,000-line 台账 (with
    // exceljs, then) ran at about half the speed of the same code on the main thread, collecting
    // short-lived cell objects; the XML strings of a sheet are as short-lived.
    resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
  });
  return pool;
}

async function run(job: ExportJob): Promise<{ body: Buffer; lines: number }> {
  const { bytes, lines }: ExportResult = await exportPool().run(job, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), lines };
}

/** The workbook as xlsx bytes, written off the main thread. */
export async function renderWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  return (await run({ kind: 'workbook', spec })).body;
}

/** The 台账 as xlsx bytes, presented and written off the main thread, and how many lines it has. */
export async function renderLedger(unitName: string, ledger: LiveListRows[], now: Date): Promise<{ body: Buffer; lines: number }> {
  return run({ kind: 'ledger', unitName, ledger, now });
}

/** Ends the pool's workers (shutdown, tests); the next export starts it again. */
export async function closeExportPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
