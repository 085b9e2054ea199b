import { constants as zlibConstants } from 'node:zlib';
import cors from '@koa/cors';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import { commonRefusals } from '@zhijian/shared';
import Koa from 'koa';
import compress from 'koa-compress';
import helmet from 'koa-helmet';
import type { AppDeps } from './deps';
import { refuse } from './errors';
import { consoleStatic } from './middlewares/consoleStatic';
import { errorHandler } from './middlewares/errorHandler';
import { requestContext } from './middlewares/requestContext';
import { activityRoutes } from './routes/activities';
import { appraisalRoutes } from './routes/appraisals';
import { attendanceRoutes } from './routes/attendance';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { benefitRoutes } from './routes/benefits';
import { bonusRoutes } from './routes/bonuses';
import { wishRoutes } from './routes/wishes';
import { profileRoutes } from './routes/profiles';
import { commitmentRoutes } from './routes/commitments';
import { letterRoutes } from './routes/letters';
import { awardRoutes } from './routes/awards';
import { bulletinRoutes } from './routes/bulletins';
import { cardRoutes } from './routes/cards';
import { callRoutes } from './routes/calls';
import { caseRoutes } from './routes/cases';
import { checkinRoutes } from './routes/checkins';
import { deductionRoutes } from './routes/deductions';
import { deskRoutes } from './routes/desk';
import { duesRoutes } from './routes/dues';
import { entryRoutes } from './routes/entries';
import { groupRoutes } from './routes/groups';
import { healthRoutes } from './routes/health';
import { memberRoutes } from './routes/members';
import { newsRoutes } from './routes/news';
import { pioneerIndexRoutes } from './routes/pioneerIndex';
import { resultRoutes } from './routes/results';
import { recordSettingsRoutes } from './routes/recordSettings';
import { reviewRoutes } from './routes/reviews';
import { scheduleRoutes } from './routes/schedules';
import { topicRoutes } from './routes/topics';
import { unitRoutes } from './routes/units';
import { volunteerActivityRoutes } from './routes/volunteerActivities';
import { questionRoutes } from './routes/questions';
import { overviewRoutes } from './routes/overview';
import { videoRoutes } from './routes/videos';
import { createServices } from './services';

const SIGN_IN_PATHS = new Set(['/api/auth/wechat', '/api/auth/bind', '/api/auth/password']);

/** Builds the whole app from its dependencies. The middleware order below is the request's path. */
export function createApp(deps: AppDeps): Koa {
  const services = createServices(deps);
  const { config, logger } = deps;
  const app = new Koa({ proxy: config.trustProxy });
  app.silent = true; // errors are logged once, by errorHandler, with the request id

  app.use(requestContext(logger));
  // Outside the error handler, so error bodies are compressed too. Answers under 1 KB (a check-in,
  // a poll without news) go as they are: compressing them costs more CPU than the bytes it saves.
  // Brotli at quality 4 for answers made per request; the console's files come pre-compressed at 11.
  app.use(compress({ threshold: 1024, br: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } }, deflate: false }));
  app.use(errorHandler(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // blob: lets the console read a picked photo or document before uploading it.
          connectSrc: ["'self'", 'blob:'],
          // The console may be served over plain HTTP on a LAN; do not force https sub-requests.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use(
    cors({
      // Only configured origins get CORS headers; the console itself is same-origin and needs none.
      origin: (ctx) => (config.corsOrigins.includes(ctx.get('origin')) ? ctx.get('origin') : ''),
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'If-None-Match', 'Idempotency-Key'],
      exposeHeaders: ['X-Request-Id', 'ETag', 'Idempotent-Replayed'],
    }),
  );
  app.use(async function signInRateLimit(ctx, next) {
    if (!SIGN_IN_PATHS.has(ctx.path)) return next();
    const { allowed, retryAfterMs } = await services.signInAttempts.consume(ctx.ip);
    if (!allowed) {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
      throw refuse(commonRefusals.rate_limited, {}, '登录尝试过于频繁，请稍后再试');
    }
    return next();
  });
  app.use(
    bodyParser({
      enableTypes: ['json'],
      // DELETE too: removing a dues month names the member and month in its body (api.dues.remove).
      parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
      jsonLimit: `${config.bodyLimitKb}kb`,
      encoding: 'utf-8',
      onError: (error) => {
        // co-body reports unparsable JSON as a SyntaxError; size and encoding errors keep their type.
        throw error instanceof SyntaxError ? refuse(commonRefusals.bad_json) : error;
      },
    }),
  );

  const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');
  // Runs after everything below has had its chance: an API path nobody answered is a 404, and a
  // path answered for other methods only (the router set 405 or, for a method it does not know,
  // 501, with `Allow`) is a 405 naming them.
  app.use(async function apiNotAnswered(ctx, next) {
    await next();
    if (!isApiPath(ctx.path) || ctx.body != null) return;
    if (ctx.status === 404) throw refuse(commonRefusals.route_not_found);
    if (ctx.status === 405 || ctx.status === 501) {
      const allow = ctx.response
        .get('Allow')
        .split(/\s*,\s*/)
        .filter(Boolean);
      throw refuse(commonRefusals.method_not_allowed, { allow });
    }
  });
  const api = new Router();
  const resources = [
    healthRoutes,
    authRoutes,
    groupRoutes,
    unitRoutes,
    memberRoutes,
    auditRoutes,
    bulletinRoutes,
    callRoutes,
    topicRoutes,
    entryRoutes,
    deskRoutes,
    reviewRoutes,
    resultRoutes,
    caseRoutes,
    newsRoutes,
    awardRoutes,
    scheduleRoutes,
    activityRoutes,
    checkinRoutes,
    attendanceRoutes,
    bonusRoutes,
    deductionRoutes,
    appraisalRoutes,
    duesRoutes,
    recordSettingsRoutes,
    benefitRoutes,
    pioneerIndexRoutes,
    cardRoutes,
    wishRoutes,
    profileRoutes,
    commitmentRoutes,
    volunteerActivityRoutes,
    questionRoutes,
    letterRoutes,
    overviewRoutes,
    videoRoutes,
  ];
  for (const addRoutes of resources) {
    addRoutes(services, api);
  }
  app.use(api.allowedMethods());
  app.use(api.routes());
  app.use(consoleStatic(config.h5Dir));
  app.use(async function consoleNotBuilt(ctx) {
    if (!isApiPath(ctx.path)) throw refuse(commonRefusals.route_not_found, {}, '页面不存在（H5 控制台尚未构建时请运行 npm run build:h5）');
  });
  return app;
}
