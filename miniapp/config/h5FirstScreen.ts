import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * What index.html does for the first screen before the app's code has run (issue 21).
 *
 * - index.html's body carries the first page's form (src/index.html), usable before the app's
 *   code has run; its script (src/splash.js), given its settings here (`SplashConfig`), emitted
 *   under a content hash (cached like the chunks) and loaded at the end of the head, before the
 *   body is parsed: it decides whether the form may show, sends it, and gives way once the app draws.
 * - The first page's stylesheet linked, so that form looks as the page will: it is the page's own
 *   CSS chunk, which the router then finds already loaded.
 * - Preload links for the first page's JavaScript. Taro's router asks for a page's chunks only
 *   once the entry has run: on a cold load the browser downloaded and ran the entry and only then
 *   fetched the page — a waterfall of a round trip plus the page's transfer. With the links the
 *   page's chunks download beside the entry; other pages load as before.
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

/** Where index.html's form signs in: `auth.password`'s path (shared/src/contracts/auth.ts; a test holds them together). */
export const SIGN_IN_PATH = '/api/auth/password';

/** What splash.js needs to know of the app: where it keeps things, and where it signs in. */
export interface SplashConfig {
  sessionKey: string;
  fontSizeKey: string;
  privacyAgreedKey: string;
  privacyVersion: string;
  /** The password sign-in's URL (the API base and `auth.password`'s path). */
  signInUrl: string;
}

export interface FirstScreenOptions {
  /** The page a cold load opens, as app.config names it (`pages/signin/index`). */
  page: string;
  publicPath: string;
  /** The splash script's source file. */
  splashScript: string;
  splashConfig: SplashConfig;
}

/** The link tags for a page's files: its stylesheets linked, its JavaScript preloaded. */
export function pageLinks(files: Iterable<string>, publicPath: string): string {
  const links: string[] = [];
  for (const file of files) {
    if (file.endsWith('.css')) links.push(`<link rel="stylesheet" href="${publicPath}${file}">`);
    else if (file.endsWith('.js')) links.push(`<link rel="preload" href="${publicPath}${file}" as="script">`);
  }
  return links.join('');
}

const CONFIG_MARK = /\/\* zj:first-screen-config \*\/ \{[^}]*\}/;

/** splash.js with its settings filled in (the object after the mark); a script without the mark is refused. */
export function withSplashConfig(source: string, config: SplashConfig & { page: string }): string {
  if (!CONFIG_MARK.test(source)) throw new Error('splash.js has no /* zj:first-screen-config */ object');
  return source.replace(CONFIG_MARK, `/* zj:first-screen-config */ ${JSON.stringify(config)}`);
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
    const { page, publicPath, splashScript, splashConfig } = this.options;
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
        const splash = withSplashConfig(readFileSync(splashScript, 'utf8'), { ...splashConfig, page });
        const splashFile = splashFileName(splash);
        compilation.emitAsset(splashFile, new compiler.webpack.sources.RawSource(splash));
        const tags =
          `<script src="${publicPath}${splashFile}"></script>` +
          pageLinks(
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
