import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tooComplex } from '../../files/zipArchive';
import { importRefused } from '../errors';

/**
 * Old Word (.doc) and WPS (.wps) files are turned into .docx by LibreOffice headless
 * (`soffice --convert-to docx`), then read like any .docx. LibreOffice is a separate program that
 * may be missing (Debian: `libreoffice-writer-nogui`); without it those formats are refused with a
 * message saying so. Each conversion gets a profile directory of its own (two soffice processes on
 * one profile block each other), a deadline after which the process group is killed, and one
 * conversion runs at a time: LibreOffice takes a few hundred MB.
 */

export interface OfficeConverter {
  /** Where soffice is (a name looked up on PATH, or a path). */
  readonly path: string;
  /** Whether the program can be started here; checked once, then remembered. */
  available(): Promise<boolean>;
  /** The .docx made from `input`; `kind` names the source format in messages. */
  toDocx(input: Buffer, kind: 'doc' | 'wps'): Promise<Buffer>;
}

export interface OfficeConverterOptions {
  path?: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const FORMAT_NAMES = { doc: 'Word 97–2003（.doc）', wps: 'WPS（.wps）' } as const;

async function findExecutable(program: string): Promise<boolean> {
  const candidates = program.includes('/')
    ? [program]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, program));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

/** One at a time: a waiting conversion starts when the previous one has ended. */
function oneAtATime() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

function runSoffice(program: string, args: string[], timeoutMs: number): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a kill reaches the helper processes soffice starts too.
    const child = spawn(program, args, { stdio: 'ignore', detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    });
  });
}

export function officeConverter(options: OfficeConverterOptions = {}): OfficeConverter {
  const program = options.path ?? 'soffice';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const queue = oneAtATime();
  let found: Promise<boolean> | undefined;

  const available = () => (found ??= findExecutable(program));

  async function convert(input: Buffer, kind: 'doc' | 'wps'): Promise<Buffer> {
    const work = await mkdtemp(path.join(tmpdir(), 'zj-soffice-'));
    try {
      const source = path.join(work, `source.${kind}`);
      const outDir = path.join(work, 'out');
      await writeFile(source, input);
      const args = [
        `-env:UserInstallation=file://${path.join(work, 'profile')}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        outDir,
        source,
      ];
      let result;
      try {
        result = await runSoffice(program, args, timeoutMs);
      } catch {
        throw importRefused.wrongType(kind, `${FORMAT_NAMES[kind]} 文件需要 LibreOffice 转换，但服务器无法启动它，请另存为 .docx 后再导入`);
      }
      if (result.timedOut) throw tooComplex(`转换时间超过 ${Math.round(timeoutMs / 1000)} 秒`);
      const made = (await readdir(outDir).catch(() => [] as string[])).find((name) => name.endsWith('.docx'));
      if (result.code !== 0 || !made) throw importRefused.unreadable(`${FORMAT_NAMES[kind]} 文件已损坏或无法读取`);
      return await readFile(path.join(outDir, made));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  return {
    path: program,
    available,
    async toDocx(input, kind) {
      if (!(await available())) {
        throw importRefused.wrongType(
          kind,
          `服务器未安装 LibreOffice，暂不能读取 ${FORMAT_NAMES[kind]} 文件，请在 Word 或 WPS 中另存为 .docx 后再导入`,
        );
      }
      return queue(() => convert(input, kind));
    },
  };
}

let configured: OfficeConverter | undefined;

/** The converter the server and the command line use: `SOFFICE_PATH`, or `soffice` on PATH. */
export function defaultOfficeConverter(): OfficeConverter {
  return (configured ??= officeConverter({ path: process.env.SOFFICE_PATH || undefined }));
}
