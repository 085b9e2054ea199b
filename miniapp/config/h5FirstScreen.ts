import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * What index.html does for the first screen before the app's code has run (issue 21).
 *
 * - Preload links for the first page's chunks (its JavaScript and CSS). Taro's router asks for a
 *   page's chunks only once the entry has run: on a cold load the browser downloaded and ran the
 *   entry and only then fetched the page — a waterfall of a round trip plus the page's transfer.
 *   With the links the page's chunks download beside the entry; other pages load as before.
 * - The splash script (src/splash.js), emitted under a content hash (cached like the chunks) and
 *   loaded at the end of the head, before the body with the sign-in brand is parsed: it decides
 *   whether the brand may show, and takes it away once the app draws.
 */
interface Asset {
  source(): string | Buffer;
}
interface ChunkGroup {
  origins: { request?: string }[];
  chunks: { files: Iterable<string> }[];
}
interface Compilation {
  chunkGroups: ChunkGroup[];
  getAsset(name: string): { source: Asset } | undefined;
  emitAsset(name: string, source: Asset): void;
  updateAsset(name: string, source: Asset): void;
  hooks: { processAssets: { tap(options: { name: string; stage: number }, callback: () => void): void } };
}
interface Compiler {
  webpack: {
    Compilation: { PROCESS_ASSETS_STAGE_SUMMARIZE: number };
    sources: { RawSource: new (source: string) => Asset };
  };
  hooks: { thisCompilation: { tap(name: string, callback: (compilation: Compilation) => void): void } };
}
interface PluginChain {
  plugin(name: string): { use(plugin: unknown, args?: unknown[]): unknown };
}

export interface FirstScreenOptions {
  /** The page a cold load opens, as app.config names it (`pages/signin/index`). */
  page: string;
  publicPath: string;
  /** The splash script's source file. */
  splashScript: string;
}

/** The link tags for a page's files, JavaScript as scripts and CSS as styles. */
export function preloadLinks(files: Iterable<string>, publicPath: string): string {
  const links: string[] = [];
  for (const file of files) {
    const as = file.endsWith('.js') ? 'script' : file.endsWith('.css') ? 'style' : null;
    if (as) links.push(`<link rel="preload" href="${publicPath}${file}" as="${as}">`);
  }
  return links.join('');
}

/** The name the splash script is emitted under: `js/splash.<first 8 hex of its sha256>.js`. */
export function splashFileName(source: string): string {
  return `js/splash.${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
}

/** Adds `tags` at the end of the head; a document without one is refused (the template changed). */
export function intoHead(html: string, tags: string): string {
  if (!html.includes('</head>')) throw new Error('index.html has no </head>');
  return html.replace('</head>', `${tags}</head>`);
}

class FirstScreen {
  constructor(private readonly options: FirstScreenOptions) {}

  apply(compiler: Compiler): void {
    const name = 'FirstScreen';
    const { page, publicPath, splashScript } = this.options;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      // After html-webpack-plugin has written index.html (its stage, OPTIMIZE_INLINE, is earlier).
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE;
      compilation.hooks.processAssets.tap({ name, stage }, () => {
        const html = compilation.getAsset('index.html');
        // The router's `import()` of the page: the chunk group whose origin requests the page's module.
        const group = compilation.chunkGroups.find((candidate) =>
          candidate.origins.some((origin) => origin.request?.replace(/\\/g, '/').endsWith(page)),
        );
        if (!html || !group) throw new Error(`${name}: no ${html ? `chunk for ${page}` : 'index.html'} in the build`);
        const splash = readFileSync(splashScript, 'utf8');
        const splashFile = splashFileName(splash);
        compilation.emitAsset(splashFile, new compiler.webpack.sources.RawSource(splash));
        const tags =
          `<script src="${publicPath}${splashFile}"></script>` +
          preloadLinks(
            group.chunks.flatMap((chunk) => [...chunk.files]),
            publicPath,
          );
        compilation.updateAsset('index.html', new compiler.webpack.sources.RawSource(intoHead(String(html.source.source()), tags)));
      });
    });
  }
}

export function firstScreen(chain: PluginChain, options: FirstScreenOptions): void {
  chain.plugin('first-screen').use(FirstScreen, [options]);
}
