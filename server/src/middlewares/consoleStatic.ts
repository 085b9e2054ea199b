import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Middleware } from 'koa';
import send from 'koa-send';
import { inlineScriptSources, withScriptSources } from './inlineScripts';

/** Taro names built assets by content hash, so they may be cached for a year. */
const HASHED_ASSET = /\.[0-9a-f]{8,}\.(js|css|png|jpe?g|svg|gif|webp|woff2?|ttf)$/i;

/**
 * Serves the H5 console (the Taro H5 build) at `/`, with the API at the same origin. Unknown
 * paths fall back to index.html, which is never cached so a new deployment shows at once.
 */
export function consoleStatic(root: string): Middleware {
  return async function consoleStaticMiddleware(ctx, next) {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api')) return next();
    if (!existsSync(path.join(root, 'index.html'))) return next();
    const file = ctx.path === '/' ? '/index.html' : ctx.path;
    // index.html's own inline script, allowed by its hash (whichever way the page is reached).
    const allowInlineScripts = () => {
      const policy = ctx.response.get('Content-Security-Policy');
      if (policy) ctx.set('Content-Security-Policy', withScriptSources(policy, inlineScriptSources(path.join(root, 'index.html'))));
    };
    const setHeaders = (res: { setHeader(name: string, value: string): void }, filePath: string) => {
      res.setHeader(
        'Cache-Control',
        HASHED_ASSET.test(filePath.replace(/\.(br|gz)$/, '')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    };
    // The build writes .br and .gz beside each text asset (miniapp/scripts/precompress.mjs);
    // koa-send picks the best the client accepts, so nothing is compressed per request.
    ctx.vary('Accept-Encoding');
    try {
      if (file === '/index.html') allowInlineScripts();
      await send(ctx, file, { root, setHeaders, index: 'index.html', brotli: true, gzip: true });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      if (path.extname(ctx.path)) return next();
      allowInlineScripts();
      await send(ctx, '/index.html', { root, setHeaders, brotli: true, gzip: true });
    }
  };
}
