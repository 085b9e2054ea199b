import { createApp } from './app';
import { keepActivitiesGenerated } from './activityGeneration/horizon';
import { accessTokenFor, contentCheckerFor, notifierFor, openMigratedDatabase, wechatClientFor } from './bootstrap';
import { systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/dataDirLock';
import { keepDeductionsBooked } from './deductionBooking/schedule';
import { createHttpServer } from './httpServer';
import { keepIdempotencyKeysPurged } from './idempotency/schedule';
import { createLogger } from './logger';
import { demoLoaded, loadDemoAssociation } from './seed/loadDemo';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openMigratedDatabase(config);
  logger.info({ db: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }, 'database ready');

  if (config.loadDemoData && !(await demoLoaded(database.db))) {
    const loaded = await loadDemoAssociation(database.db, systemClock.now());
    logger.info(loaded, 'demo association loaded (first start)');
  }
  const stopGenerating = keepActivitiesGenerated(database.db, systemClock, logger);
  const stopBooking = keepDeductionsBooked(database.db, systemClock, logger);
  const stopPurging = keepIdempotencyKeysPurged(database.db, systemClock, logger);
  if (config.devSignIn) {
    logger.warn(
      '!!! DEVELOPMENT SIGN-IN IS ON: codes "dev:<openid>" sign in without WeChat. Set WECHAT_APPID/WECHAT_SECRET or NODE_ENV=production to turn it off. !!!',
    );
  }

  const accessToken = accessTokenFor(config, systemClock);
  const app = createApp({
    config,
    database,
    clock: systemClock,
    wechat: wechatClientFor(config, logger),
    notifier: notifierFor(config, logger, accessToken),
    contentChecker: contentCheckerFor(config, logger, accessToken),
    logger,
  });
  const server = createHttpServer(app);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ url: `http://localhost:${port}`, port }, 'listening');
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown grace period over; closing remaining connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // close() stops accepting and waits for in-flight requests; idle keep-alive sockets go now.
    server.close(async () => {
      stopGenerating();
      stopBooking();
      stopPurging();
      await database.close();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('启动失败：', error);
  }
  process.exit(1);
});
