/**
 * `npm run bench:video [-- --viewers 20] [-- --mb 100] [-- --storage disk|postgres] [-- --json]`:
 * twenty members streaming one 100 MB video at once, as WeChat's <video> does (range requests),
 * against the server started as it runs in production (one process, PORT=0). What is measured is
 * the server process's resident memory (VmRSS from /proc) during the streams against its own idle
 * baseline in the same run: streaming must not hold files in memory (the issue allows ≤ 50 MB).
 *
 * The file is 100 MB of bytes stored under a video's key (the point is how bytes are served, not
 * how they decode), in a temporary data directory (disk storage) or, with `--storage postgres`,
 * in the database's chunk rows. Two passes: every viewer downloads the whole file (`bytes=0-`),
 * then every viewer seeks: ten 4 MB ranges at spread offsets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { groups, members, units, videoRounds, videos } from '../db/schema';
import { postgresStorage } from '../storage/postgresStorage';
import { issueTicket } from '../videos/playbackTicket';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LIMIT_MB = 50;
const SECRET = randomBytes(32).toString('base64url');

const { values: args } = parseArgs({
  options: {
    viewers: { type: 'string', default: '20' },
    mb: { type: 'string', default: '100' },
    storage: { type: 'string', default: 'disk' },
    json: { type: 'boolean', default: false },
  },
});
const VIEWERS = Number(args.viewers);
const SIZE = Number(args.mb) * 1024 * 1024;
const STORAGE = args.storage === 'postgres' ? 'postgres' : 'disk';
const KEY = 'videos/1/bench.mp4';

function log(message: string): void {
  if (!args.json) console.log(message);
}

/** The data directory with a migrated database, a member, a round and one approved video of SIZE bytes. */
async function prepare(dataDir: string): Promise<{ videoId: number; memberId: number }> {
  const handle = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  try {
    await runMigrations(handle);
    const { db } = handle;
    const now = systemClock.now();
    const [group] = await db.insert(groups).values({ name: '压测片组' }).returning();
    const [unit] = await db
      .insert(units)
      .values({ name: '压测单位', kind: 'enterprise', groupId: group!.id, inviteCode: 'BENCHV01' })
      .returning();
    const [member] = await db
      .insert(members)
      .values({ name: '观众', phone: '13900000001', roles: ['member'], unitId: unit!.id })
      .returning();
    const [round] = await db
      .insert(videoRounds)
      .values({ title: '压测', theme: '', startsOn: '2026-01-01', days: 7, featuredGroupIds: [group!.id], juryWeight: 60, createdAt: now })
      .returning();
    const [video] = await db
      .insert(videos)
      .values({
        roundId: round!.id,
        unitId: unit!.id,
        title: '压测视频',
        kind: 'upload',
        storageKey: KEY,
        sizeBytes: SIZE,
        status: 'approved',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    // One megabyte of noise repeated: written without ever holding 100 MB here.
    const block = randomBytes(1024 * 1024);
    if (STORAGE === 'postgres') {
      await postgresStorage(db).put(KEY, Buffer.concat(Array.from({ length: SIZE / block.length }, () => block)));
    } else {
      const file = path.join(dataDir, 'uploads', ...KEY.split('/'));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '');
      for (let written = 0; written < SIZE; written += block.length)
        writeFileSync(file, block.subarray(0, Math.min(block.length, SIZE - written)), { flag: 'a' });
    }
    return { videoId: video!.id, memberId: member!.id };
  } finally {
    await handle.close();
  }
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      STORAGE,
      JWT_SECRET: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening' && entry.port) resolve({ child, port: entry.port });
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`服务器进程提前退出（${code}）`)));
  });
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** One GET with a Range header, reading and dropping the body; answers the bytes received. */
function fetchRange(agent: http.Agent, port: number, pathAndQuery: string, range: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathAndQuery, agent, headers: { range } }, (response) => {
      if (response.statusCode !== 206) {
        response.resume();
        return reject(new Error(`HTTP ${response.statusCode}`));
      }
      let received = 0;
      response.on('data', (chunk: Buffer) => (received += chunk.length));
      response.on('end', () => resolve(received));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Runs `work` while sampling the server's RSS every 25 ms; answers the peak and the time taken. */
async function whileSampling(pid: number, work: () => Promise<unknown>): Promise<{ peakMb: number; seconds: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { peakMb: Math.max(peak, rssMb(pid)), seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhijian-bench-video-'));
  let child: ChildProcess | undefined;
  try {
    log(`准备：${args.mb} MB 视频（${STORAGE === 'postgres' ? 'PostgreSQL 分块存储' : '磁盘存储'}），${VIEWERS} 位观众`);
    const { videoId, memberId } = await prepare(dataDir);
    const started = await startServer(dataDir);
    child = started.child;
    const pid = child.pid!;
    const { ticket } = issueTicket(SECRET, videoId, memberId, systemClock.now());
    const url = `/api/video-streams/${videoId}?ticket=${encodeURIComponent(ticket)}`;
    const agent = new http.Agent({ keepAlive: true, maxSockets: VIEWERS });
    // Warm up the code path (first request compiles the route, opens the database), then settle.
    await fetchRange(agent, started.port, url, 'bytes=0-1048575');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = rssMb(pid);

    const whole = await whileSampling(pid, () =>
      Promise.all(Array.from({ length: VIEWERS }, () => fetchRange(agent, started.port, url, 'bytes=0-'))).then((sizes) => {
        if (sizes.some((size) => size !== SIZE)) throw new Error('有观众没有收到完整的文件');
      }),
    );
    const piece = 4 * 1024 * 1024;
    const seeks = await whileSampling(pid, () =>
      Promise.all(
        Array.from({ length: VIEWERS }, async (_, viewer) => {
          for (let i = 0; i < 10; i += 1) {
            const start = Math.floor(((viewer * 10 + i) * 7919 * 1024) % (SIZE - piece));
            await fetchRange(agent, started.port, url, `bytes=${start}-${start + piece - 1}`);
          }
        }),
      ),
    );
    agent.destroy();
    const growth = Math.max(whole.peakMb, seeks.peakMb) - idle;
    const result = {
      viewers: VIEWERS,
      fileMb: Number(args.mb),
      storage: STORAGE,
      idleRssMb: Math.round(idle * 10) / 10,
      wholeFile: {
        peakRssMb: Math.round(whole.peakMb * 10) / 10,
        seconds: Math.round(whole.seconds * 100) / 100,
        mbPerSecond: Math.round((VIEWERS * SIZE) / 1024 / 1024 / whole.seconds),
      },
      seeking: { peakRssMb: Math.round(seeks.peakMb * 10) / 10, seconds: Math.round(seeks.seconds * 100) / 100 },
      growthMb: Math.round(growth * 10) / 10,
      limitMb: LIMIT_MB,
      pass: growth <= LIMIT_MB,
    };
    if (args.json) console.log(JSON.stringify(result));
    else {
      log(`空闲 RSS：${result.idleRssMb} MB`);
      log(`整段下载：峰值 ${result.wholeFile.peakRssMb} MB，${result.wholeFile.seconds} 秒（${result.wholeFile.mbPerSecond} MB/s 合计）`);
      log(`拖动进度（每人 10 段 × 4 MB）：峰值 ${result.seeking.peakRssMb} MB，${result.seeking.seconds} 秒`);
      log(`RSS 增长：${result.growthMb} MB（上限 ${LIMIT_MB} MB）——${result.pass ? '通过' : '未通过'}`);
    }
    process.exitCode = result.pass ? 0 : 1;
  } finally {
    if (child && child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child!.once('exit', () => resolve());
        child!.kill('SIGTERM');
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
