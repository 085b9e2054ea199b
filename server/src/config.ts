import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VIDEO_MAX_BYTES, VIDEO_MAX_SECONDS } from '@zhijian/shared';
import { z } from 'zod';
import { DEFAULT_H5_DIR } from './paths';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value));

/** Every setting the server reads from the environment; README lists them with their defaults. */
const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  /** PostgreSQL's shared_buffers inside the embedded database (db/durablePglite.ts has the default). */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'PGLITE_SHARED_BUFFERS 应形如 32MB')
    .optional(),
  DATABASE_URL: z.string().url().optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET 至少 32 个字符').optional(),
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(2 * 3600),
  REFRESH_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(365 * 24 * 3600)
    .default(30 * 24 * 3600),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_BULLETIN_TEMPLATE_ID: z.string().min(1).optional(),
  /** JSON object: our notice key (e.g. "letter.replied") → WeChat subscription template id. */
  WECHAT_TEMPLATE_IDS: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        return z.record(z.string(), z.string().min(1)).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'WECHAT_TEMPLATE_IDS 应为 JSON 对象，如 {"letter.replied":"模板ID"}' });
        return z.NEVER;
      }
    }),
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: booleanFlag.optional(),
  H5_DIR: z.string().default(DEFAULT_H5_DIR),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(256),
  TRUST_PROXY: booleanFlag.default(false),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  REDIS_URL: z.string().url().optional(),
  REDIS_KEY_PREFIX: z.string().default('zhijian:'),
  STORAGE: z.enum(['disk', 'postgres']).default('disk'),
  FFPROBE_PATH: z.string().default('ffprobe'),
  FFMPEG_PATH: z.string().default('ffmpeg'),
  VIDEO_MAX_BYTES: z.coerce.number().int().min(1024).max(VIDEO_MAX_BYTES).default(VIDEO_MAX_BYTES),
  VIDEO_MAX_SECONDS: z.coerce.number().int().min(1).max(VIDEO_MAX_SECONDS).default(VIDEO_MAX_SECONDS),
});

export interface Config {
  env: string;
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** shared_buffers of the embedded database, when not its default. */
  pgliteSharedBuffers: string | undefined;
  jwtSecret: string;
  tokenTtlSeconds: number;
  /** How long a sign-in lasts unused: each refresh gives it this long again. */
  refreshTtlSeconds: number;
  wechat: {
    appId: string | undefined;
    secret: string | undefined;
    apiBase: string;
    bulletinTemplateId: string | undefined;
    /** Subscription templates by our notice key. */
    templateIds: Record<string, string>;
  };
  /** `dev:<openid>` codes are accepted only without a WeChat app and outside production. */
  devSignIn: boolean;
  corsOrigins: string[];
  logLevel: string;
  loadDemoData: boolean;
  h5Dir: string;
  bodyLimitKb: number;
  trustProxy: boolean;
  /** Sign-in attempts one address may make per minute. */
  signInRatePerMinute: number;
  /** Redis for the counters every instance shares; without it, limits are per process. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key this deployment writes (several deployments may share one Redis). */
  redisKeyPrefix: string;
  /** Where uploaded files live: `disk` (DATA_DIR/uploads) or `postgres` (rows every instance reads). */
  storage: 'disk' | 'postgres';
  /**
   * A refusal its endpoint's contract does not declare answers 500 instead of being logged:
   * on under test (NODE_ENV=test), so an undeclared refusal fails the test that meets it.
   */
  strictContracts: boolean;
  /** 网络击鼓传花 uploads: Debian's ffprobe/ffmpeg, and limits that may be set lower than the rules (never higher). */
  video: { ffprobePath: string; ffmpegPath: string; maxBytes: number; maxSeconds: number };
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`配置有误：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  if (isProduction && !e.JWT_SECRET) throw new ConfigError('生产环境必须设置 JWT_SECRET');
  if (e.REFRESH_TTL_SECONDS < e.TOKEN_TTL_SECONDS) throw new ConfigError('REFRESH_TTL_SECONDS 不能短于 TOKEN_TTL_SECONDS');
  if (Boolean(e.WECHAT_APPID) !== Boolean(e.WECHAT_SECRET)) {
    throw new ConfigError('WECHAT_APPID 与 WECHAT_SECRET 需同时设置');
  }
  return {
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS,
    jwtSecret: e.JWT_SECRET ?? persistedDevSecret(dataDir),
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    refreshTtlSeconds: e.REFRESH_TTL_SECONDS,
    wechat: {
      appId: e.WECHAT_APPID,
      secret: e.WECHAT_SECRET,
      apiBase: e.WECHAT_API_BASE,
      bulletinTemplateId: e.WECHAT_BULLETIN_TEMPLATE_ID,
      templateIds: e.WECHAT_TEMPLATE_IDS,
    },
    devSignIn: !e.WECHAT_APPID && !isProduction,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    logLevel: e.LOG_LEVEL,
    loadDemoData: e.DEMO_DATA ?? !isProduction,
    h5Dir: path.resolve(e.H5_DIR),
    bodyLimitKb: e.BODY_LIMIT_KB,
    trustProxy: e.TRUST_PROXY,
    signInRatePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    storage: e.STORAGE,
    strictContracts: e.NODE_ENV === 'test',
    video: { ffprobePath: e.FFPROBE_PATH, ffmpegPath: e.FFMPEG_PATH, maxBytes: e.VIDEO_MAX_BYTES, maxSeconds: e.VIDEO_MAX_SECONDS },
  };
}

/**
 * Outside production a secret is made once per data directory and kept there, so tokens stay
 * valid across restarts without anyone having to configure one.
 */
function persistedDevSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
