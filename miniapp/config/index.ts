import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { reportH5Chunks, splitH5Chunks } from './h5Chunks';
import { firstScreen, SIGN_IN_PATH } from './h5FirstScreen';
import { showOnlyCurrentPageLoads } from './h5Routes';
import { writePrivateProjectConfig } from './projectConfig';
import * as storage from '../src/services/storageKeys';

/**
 * Hand-written Taro config for both targets:
 * - `taro build --type weapp` → dist/weapp (main package + role subpackages)
 * - `taro build --type h5`    → dist/h5 (hash router; the API server serves it at `/`)
 *
 * Build-time settings come from the environment:
 * - TARO_APP_API_BASE: origin of the API, e.g. https://dj.example.org. Empty means same origin,
 *   which only makes sense for H5; the weapp build then falls back to http://127.0.0.1:8080.
 * - TARO_APP_ID: WeChat appid written to the generated project config (default touristappid).
 * - TARO_APP_BULLETIN_TEMPLATE_ID: subscription-message template for "new 简报" reminders; unset hides
 *   the 简报 tab's reminder button.
 * - TARO_APP_CHECKIN_TEMPLATE_ID: subscription-message template of the organiser's "not in yet"
 *   reminder (the server's WECHAT_TEMPLATE_IDS["checkin.reminder"]); unset hides the 签到 tab's button.
 */
const miniappRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(miniappRoot, '..');
const sharedSrc = path.join(repoRoot, 'shared', 'src');
/** Where the API server serves the H5 build. */
const h5PublicPath = '/';

/**
 * npm workspaces hoist most @tarojs packages to the repo root but keep some (plugin-framework-react,
 * @tarojs/react, react-reconciler) in miniapp/node_modules; hoisted Taro code must still find them.
 */
interface ChainResolve {
  resolve: { modules: { add(value: string): ChainResolve['resolve']['modules'] }; alias: { set(key: string, value: string): unknown } };
}

function resolveFromMiniapp(chain: ChainResolve) {
  chain.resolve.modules.add('node_modules').add(path.join(miniappRoot, 'node_modules'));
  chain.resolve.alias.set('@', path.join(miniappRoot, 'src'));
  // chinese-days (shared's working-day calendar) names an ES build as `module` inside a package typed
  // CommonJS, which webpack then refuses to parse; its UMD build is the same code.
  chain.resolve.alias.set('chinese-days$', path.join(repoRoot, 'node_modules', 'chinese-days', 'dist', 'index.min.js'));
}

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const target = process.env.TARO_ENV;
  const production = mode === 'production' || process.env.NODE_ENV === 'production';
  const apiBase = (process.env.TARO_APP_API_BASE ?? '').replace(/\/+$/, '') || (target === 'h5' ? '' : 'http://127.0.0.1:8080');
  if (target === 'weapp') writePrivateProjectConfig(repoRoot, process.env.TARO_APP_ID);

  const config: UserConfigExport<'webpack5'> = {
    projectName: 'zhijian-dangjian',
    date: '2025-11-22',
    // Styles are written in CSS px (a phone's logical px), not design-draft px: body text must be a
    // real 16–18px on every phone, so pxtransform stays off and layouts use flex and percentages.
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    // The repo-root project.config.json is the one source; Taro copies it into dist/weapp with
    // miniprogramRoot "./" and TARO_APP_ID (if set) as appid.
    projectConfigName: '../project.config.json',
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      // WeChat subscription-message template of "new 简报" reminders (the server's WECHAT_BULLETIN_TEMPLATE_ID).
      TARO_APP_BULLETIN_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_BULLETIN_TEMPLATE_ID ?? ''),
      TARO_APP_CHECKIN_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_CHECKIN_TEMPLATE_ID ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      // @zhijian/shared ships TypeScript sources; they must go through Babel like our own code.
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
      // Component styles are independent (BEM-prefixed), so their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        resolveFromMiniapp(chain);
      },
    },
    h5: {
      publicPath: h5PublicPath,
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      devServer: { proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: true } } },
      webpackChain(chain) {
        resolveFromMiniapp(chain);
        splitH5Chunks(chain);
        // Sign-in is the page a cold load opens (app.config's first page): its chunks download with
        // the entry, and its form works before the code has run.
        firstScreen(chain, {
          page: 'pages/signin/index',
          publicPath: h5PublicPath,
          splashScript: path.join(miniappRoot, 'src', 'splash.js'),
          splashConfig: {
            sessionKey: storage.SESSION_KEY,
            fontSizeKey: storage.FONT_SIZE_KEY,
            privacyAgreedKey: storage.PRIVACY_AGREED_KEY,
            privacyVersion: storage.PRIVACY_VERSION,
            signInUrl: `${apiBase}${SIGN_IN_PATH}`,
          },
        });
        reportH5Chunks(chain, process.env.H5_STATS);
        showOnlyCurrentPageLoads(chain);
      },
    },
  };
  return merge({}, config, production ? { mini: {}, h5: {} } : {});
});
