import path from 'node:path';
import { Redis } from 'ioredis';
import { createWechatClient, unconfiguredWechatClient, type WechatClient } from './auth/wechatClient';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/client';
import { DataDirLockedError } from './db/dataDirLock';
import { runMigrations } from './db/migrate';
import type { Clock } from './clock';
import type { Logger } from './logger';
import { loggingNotifier, type Notifier } from './notify/notifier';
import { createWechatNotifier } from './notify/wechatNotifier';
import { loggingContentChecker, type ContentChecker } from './contentCheck/contentChecker';
import { createWechatContentChecker } from './contentCheck/wechatContentChecker';
import { accessTokenSource } from './wechat/accessToken';

/** Opens the configured database (PostgreSQL server or PGlite under DATA_DIR) and migrates it. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
    sharedBuffers: config.pgliteSharedBuffers,
  });
  await runMigrations(database);
  return database;
}

/**
 * `openMigratedDatabase` for a command-line script: an embedded database another process holds
 * (the running server) ends the script with that process named and what to do instead, exit code 2.
 */
export async function openDatabaseForCommand(config: Config): Promise<DatabaseHandle> {
  try {
    return await openMigratedDatabase(config);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

export function wechatClientFor(config: Config, logger: Logger): WechatClient {
  const { appId, secret, apiBase } = config.wechat;
  return appId && secret ? createWechatClient({ appId, secret, apiBase, logger }) : unconfiguredWechatClient;
}

/** The app's WeChat server-API token, shared by every caller; undefined without a configured app. */
export function accessTokenFor(config: Config, clock: Clock): (() => Promise<string>) | undefined {
  const { appId, secret, apiBase } = config.wechat;
  return appId && secret ? accessTokenSource({ appId, secret, apiBase, clock }) : undefined;
}

/** Real subscription messages when the app is configured; otherwise they are logged. */
export function notifierFor(config: Config, logger: Logger, accessToken: (() => Promise<string>) | undefined): Notifier {
  const { apiBase, bulletinTemplateId, templateIds } = config.wechat;
  if (!accessToken) return loggingNotifier(logger);
  if (!bulletinTemplateId) logger.warn('WECHAT_BULLETIN_TEMPLATE_ID is not set: publishing reminders are logged, not sent');
  return createWechatNotifier({ apiBase, accessToken, bulletinTemplateId, templateIds, logger });
}

/** WeChat's msgSecCheck when the app is configured; in development everything passes and is logged. */
export function contentCheckerFor(config: Config, logger: Logger, accessToken: (() => Promise<string>) | undefined): ContentChecker {
  if (!accessToken) return loggingContentChecker(logger);
  return createWechatContentChecker({ apiBase: config.wechat.apiBase, accessToken, logger });
}

/**
 * The Redis the rate limits share, connected before the server listens (a wrong REDIS_URL stops
 * start-up with a message rather than failing the first sign-in); undefined without REDIS_URL.
 */
export async function redisFor(config: Config, logger: Logger): Promise<Redis | undefined> {
  if (!config.redisUrl) return undefined;
  // While Redis is away a command fails at once instead of queueing: the limiters fall back to
  // memory and /api/health/ready reports it; ioredis reconnects in the background.
  const redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis error'));
  await redis.connect();
  return redis;
}
