import path from 'node:path';
import { createWechatClient, unconfiguredWechatClient, type WechatClient } from './auth/wechatClient';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/client';
import { runMigrations } from './db/migrate';
import type { Logger } from './logger';

/** Opens the configured database (PostgreSQL server or PGlite under DATA_DIR) and migrates it. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
  });
  await runMigrations(database);
  return database;
}

export function wechatClientFor(config: Config, logger: Logger): WechatClient {
  const { appId, secret, apiBase } = config.wechat;
  return appId && secret ? createWechatClient({ appId, secret, apiBase, logger }) : unconfiguredWechatClient;
}
