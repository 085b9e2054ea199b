import { FailureThrottle } from './auth/failureThrottle';
import { TokenService } from './auth/tokens';
import type { Database } from './db/client';
import type { AppDeps } from './deps';
import path from 'node:path';
import type { FileStorage } from './storage/fileStorage';
import { localDiskStorage } from './storage/localDiskStorage';

/** What route handlers work with: the dependencies plus the services built from them once per app. */
export interface AppServices extends AppDeps {
  db: Database;
  tokens: TokenService;
  /** Failed roster bindings per WeChat account: a few guesses per quarter hour. */
  bindFailuresByAccount: FailureThrottle;
  /** Per address, looser: a whole unit may bind from one office network. */
  bindFailuresByAddress: FailureThrottle;
  storage: FileStorage;
  /** Resolves once earlier commits are durable (group commit of the embedded database). */
  flushed?: () => Promise<void>;
}

export function createServices(deps: AppDeps): AppServices {
  return {
    ...deps,
    db: deps.database.db,
    flushed: deps.database.flushed,
    tokens: new TokenService(deps.config.jwtSecret, deps.config.tokenTtlSeconds, deps.clock),
    bindFailuresByAccount: new FailureThrottle(deps.clock, 5, 15 * 60 * 1000),
    bindFailuresByAddress: new FailureThrottle(deps.clock, 30, 15 * 60 * 1000),
    storage: deps.storage ?? localDiskStorage(path.join(deps.config.dataDir, 'uploads')),
  };
}
