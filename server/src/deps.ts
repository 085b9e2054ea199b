import type { WechatClient } from './auth/wechatClient';
import type { Redis } from 'ioredis';
import type { Clock } from './clock';
import type { Config } from './config';
import type { DatabaseHandle } from './db/client';
import type { Logger } from './logger';
import type { Notifier } from './notify/notifier';
import type { ContentChecker } from './contentCheck/contentChecker';
import type { FileStorage } from './storage/fileStorage';
import type { Invalidations } from './activityCache/invalidations';

/** Everything the app needs from outside; tests pass their own (in-memory database, fixed clock, fake WeChat). */
export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  wechat: WechatClient;
  logger: Logger;
  notifier: Notifier;
  /** Text others will read is checked before it shows (msgSecCheck; logged in development). */
  contentChecker: ContentChecker;
  /** Uploaded files; local disk under DATA_DIR/uploads when not given. */
  storage?: FileStorage;
  /** Shared counters (rate limits) when REDIS_URL is set; without it they live in this process. */
  redis?: Redis;
  /** Tells the other instances which cached activities changed (PostgreSQL NOTIFY); this process only when absent. */
  invalidations?: Invalidations;
}
