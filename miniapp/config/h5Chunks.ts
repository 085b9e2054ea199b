import { writeFileSync } from 'node:fs';

/**
 * How the H5 build is split into files (issue 21: the sign-in page loads only what it needs).
 *
 * Taro's own H5 settings split only the initial chunks (`chunks: 'initial'`): every page's chunk
 * then carried its own copy of what pages share (the page frame, the console shell, the contracts),
 * and whatever the entry imported, the first screen loaded. Here shared code is split out of the
 * lazily loaded pages as well, into chunks of at least 20 KB fetched by the pages that use them,
 * so the entry stays the framework and the app shell, and a page loads its own code and the
 * shared chunks it needs. Taro's cache groups (Taro packages, vendors, common) are kept.
 */
interface SplitChunksChain {
  optimization: {
    get(key: 'splitChunks'): Record<string, unknown> | false | undefined;
    splitChunks(value: Record<string, unknown>): unknown;
  };
  plugin(name: string): { use(plugin: unknown, args?: unknown[]): unknown };
}

export function splitH5Chunks(chain: SplitChunksChain): void {
  const taro = chain.optimization.get('splitChunks') || {};
  chain.optimization.splitChunks({
    ...taro,
    chunks: 'all',
    minSize: 20_000,
    maxAsyncRequests: 30,
    maxInitialRequests: 30,
  });
}

interface StatsChunk {
  id: string | number;
  names?: string[];
  initial?: boolean;
  size: number;
  files?: string[];
  modules?: { name?: string; size?: number }[];
}
interface DoneStats {
  toJson(options: Record<string, unknown>): { chunks?: StatsChunk[] };
}
interface StatsCompiler {
  hooks: { done: { tap(name: string, callback: (stats: DoneStats) => void): void } };
}

/** `H5_STATS=<file> npm run build:h5` writes each chunk's files and modules (by size) to <file>. */
class ChunkReport {
  constructor(private readonly file: string) {}

  apply(compiler: StatsCompiler): void {
    compiler.hooks.done.tap('ChunkReport', (stats) => {
      const { chunks = [] } = stats.toJson({ all: false, chunks: true, chunkModules: true, ids: true });
      const report = chunks
        .map((chunk) => ({
          id: chunk.id,
          names: chunk.names,
          initial: chunk.initial,
          size: chunk.size,
          files: chunk.files,
          modules: (chunk.modules ?? []).map((m) => ({ name: m.name, size: m.size })).sort((a, b) => (b.size ?? 0) - (a.size ?? 0)),
        }))
        .sort((a, b) => b.size - a.size);
      writeFileSync(this.file, JSON.stringify(report, null, 1));
    });
  }
}

export function reportH5Chunks(chain: SplitChunksChain, file: string | undefined): void {
  if (file) chain.plugin('chunk-report').use(ChunkReport, [file]);
}
