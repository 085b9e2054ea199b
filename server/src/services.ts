import { TokenService } from './auth/tokens';
import type { Database } from './db/client';
import type { AppDeps } from './deps';
import path from 'node:path';
import { createAttemptLimiter, type AttemptLimiter, type LimiterStore } from './limits/attemptLimiter';
import type { FileStorage } from './storage/fileStorage';
import { localDiskStorage } from './storage/localDiskStorage';
import { postgresStorage } from './storage/postgresStorage';

/** What route handlers work with: the dependencies plus the services built from them once per app. */
export interface AppServices extends AppDeps {
  db: Database;
  tokens: TokenService;
  /** Sign-in requests per address per minute (SIGN_IN_RATE_PER_MINUTE). */
  signInAttempts: AttemptLimiter;
  /** Failed roster bindings per WeChat account: a few guesses per quarter hour. */
  bindFailuresByAccount: AttemptLimiter;
  /** Per address, looser: a whole unit may bind from one office network. */
  bindFailuresByAddress: AttemptLimiter;
  storage: FileStorage;
  /** Resolves once earlier commits are durable (group commit of the embedded database). */
  flushed?: () => Promise<void>;
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

export function createServices(deps: AppDeps): AppServices {
  // With Redis every instance counts into the same keys; without, each process counts alone.
  const limits: LimiterStore = deps.redis
    ? { kind: 'redis', redis: deps.redis, keyPrefix: deps.config.redisKeyPrefix }
    : { kind: 'memory', clock: deps.clock };
  return {
    ...deps,
    db: deps.database.db,
    flushed: deps.database.flushed,
    tokens: new TokenService(deps.config.jwtSecret, deps.config.tokenTtlSeconds, deps.clock),
    signInAttempts: createAttemptLimiter(limits, { name: 'sign-in', maxAttempts: deps.config.signInRatePerMinute, windowMs: 60_000 }),
    bindFailuresByAccount: createAttemptLimiter(limits, { name: 'bind-account', maxAttempts: 5, windowMs: QUARTER_HOUR_MS }),
    bindFailuresByAddress: createAttemptLimiter(limits, { name: 'bind-address', maxAttempts: 30, windowMs: QUARTER_HOUR_MS }),
    storage: deps.storage ?? storageFor(deps),
  };
}

/** STORAGE=postgres keeps files in the database every instance reads; the default is DATA_DIR/uploads. */
function storageFor(deps: AppDeps): FileStorage {
  return deps.config.storage === 'postgres'
    ? postgresStorage(deps.database.db)
    : localDiskStorage(path.join(deps.config.dataDir, 'uploads'));
}
