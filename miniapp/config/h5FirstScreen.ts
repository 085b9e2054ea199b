import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * What index.html does for the first screen before the app's code has run (issue 21).
 *
 * - index.html's body carries the first page's form (src/index.html), usable before the app's
 *   code has run; its script (src/splash.js), given its settings here (`SplashConfig`) and
 *   minified with the chunks, is put in line at the end of the head, before the body is parsed: it
 *   decides whether the form may show, sends it, and gives way once the app draws. In line, as the
 *   form would otherwise wait a round trip for it; the server allows it in its Content Security
 *   Policy by its hash (server/src/middlewares/inlineScripts.ts).
 * - The first screen's CSS in line: the entry's and the first page's own chunk, so that form
 *   looks as the page will and paints with the document, without waiting for a stylesheet (a round
 *   trip on a slow link). Each as `<style data-href>`, which webpack's CSS chunk loader takes for
 *   the chunk already loaded: the router does not fetch it again.
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
  deleteAsset(name: string): void;
  updateAsset(name: string, source: Asset): void;
  hooks: { processAssets: { tap(options: { name: string; stage: number }, callback: () => void): void } };
}
interface Compiler {
  webpack: {
    Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: number; PROCESS_ASSETS_STAGE_SUMMARIZE: number };
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

/** A stylesheet in line, marked (`data-href`) as the CSS chunk loader looks for a chunk already loaded. */
export function inlineStyle(href: string, css: string): string {
  if (/<\/style/i.test(css)) throw new Error(`${href} cannot be put in line: it contains </style`);
  return `<style data-href="${href}">${css}</style>`;
}

/** The tags for a page's files: its stylesheets in line (`cssOf` gives a file's text), its JavaScript preloaded. */
export function pageTags(files: Iterable<string>, publicPath: string, cssOf: (file: string) => string): string {
  const tags: string[] = [];
  for (const file of files) {
    if (file.endsWith('.css')) tags.push(inlineStyle(`${publicPath}${file}`, cssOf(file)));
    else if (file.endsWith('.js')) tags.push(`<link rel="preload" href="${publicPath}${file}" as="script">`);
  }
  return tags.join('');
}

/** index.html's stylesheet links (the entry's CSS, as html-webpack-plugin writes them) put in line. */
export function inlineLinkedStyles(html: string, publicPath: string, cssOf: (file: string) => string): string {
  return html.replace(/<link href="([^"]+\.css)" rel="stylesheet">/g, (_link, href: string) =>
    inlineStyle(href, cssOf(href.slice(publicPath.length))),
  );
}

const CONFIG_MARK = /\/\* zj:first-screen-config \*\/ \{[^}]*\}/;

/** splash.js with its settings filled in (the object after the mark); a script without the mark is refused. */
export function withSplashConfig(source: string, config: SplashConfig & { page: string }): string {
  if (!CONFIG_MARK.test(source)) throw new Error('splash.js has no /* zj:first-screen-config */ object');
  return source.replace(CONFIG_MARK, `/* zj:first-screen-config */ ${JSON.stringify(config)}`);
}

/** The name the splash script is minified under (then taken back out of the build): `js/splash.<8 hex of its sha256>.js`. */
export function splashFileName(source: string): string {
  return `js/splash.${createHash('sha256').update(source).digest('hex').slice(0, 8)}.js`;
}

/** A script in line; one that could end its element early is refused. */
export function inlineScript(source: string): string {
  if (/<\/script/i.test(source)) throw new Error('the splash script cannot be put in line: it contains </script');
  return `<script>${source}</script>`;
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
      const { PROCESS_ASSETS_STAGE_ADDITIONAL, PROCESS_ASSETS_STAGE_SUMMARIZE } = compiler.webpack.Compilation;
      const splashFile = splashFileName(readFileSync(splashScript, 'utf8'));
      // Emitted early, so the minifier takes it with the chunks; taken back out once in line.
      compilation.hooks.processAssets.tap({ name, stage: PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const splash = withSplashConfig(readFileSync(splashScript, 'utf8'), { ...splashConfig, page });
        compilation.emitAsset(splashFile, new compiler.webpack.sources.RawSource(splash));
      });
      // After html-webpack-plugin has written index.html (its stage, OPTIMIZE_INLINE, is earlier).
      compilation.hooks.processAssets.tap({ name, stage: PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const html = compilation.getAsset('index.html');
        const splash = compilation.getAsset(splashFile);
        // The router's `import()` of the page: the chunk group whose origin requests the page's module.
        const group = compilation.chunkGroups.find((candidate) =>
          candidate.origins.some((origin) => origin.request?.replace(/\\/g, '/').endsWith(page)),
        );
        if (!html || !group || !splash) {
          throw new Error(`${name}: no ${!html ? 'index.html' : !splash ? splashFile : `chunk for ${page}`} in the build`);
        }
        compilation.deleteAsset(splashFile);
        const cssOf = (file: string) => {
          const css = compilation.getAsset(file);
          if (!css) throw new Error(`${name}: no ${file} in the build`);
          return String(css.source.source());
        };
        const tags =
          inlineScript(String(splash.source.source())) +
          pageTags(
            group.chunks.flatMap((chunk) => [...chunk.files]),
            publicPath,
            cssOf,
          );
        const document = inlineLinkedStyles(String(html.source.source()), publicPath, cssOf);
        compilation.updateAsset('index.html', new compiler.webpack.sources.RawSource(intoHead(document, tags)));
      });
    });
  }
}

export function firstScreen(chain: PluginChain, options: FirstScreenOptions): void {
  chain.plugin('first-screen').use(FirstScreen, [options]);
}
