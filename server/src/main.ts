import { createApp } from './app';
import { listenForInvalidations } from './activityCache/invalidations';
import { activityHorizonJob } from './activityGeneration/horizon';
import { attendanceFiguresJob } from './attendanceFigures/figuresJob';
import { accessTokenFor, contentCheckerFor, notifierFor, openMigratedDatabase, redisFor, wechatClientFor } from './bootstrap';
import { systemClock } from './clock';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError } from './db/dataDirLock';
import { deductionBookingJob } from './deductionBooking/schedule';
import { claimReleaseJob } from './wishRelease/schedule';
import { createHttpServer } from './httpServer';
import { letterFlaggingJob } from './letterDeadlines/schedule';
import { idempotencyPurgeJob } from './idempotency/schedule';
import { createLogger } from './logger';
import { scheduledJob } from './scheduling/scheduledJob';
import { demoLoaded, loadDemoAssociation } from './seed/loadDemo';
import { defaultOfficeConverter } from './bulletinImport/formats/officeConverter';
import { videoToolsAvailable } from './videos/videoTools';

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
  // .doc and .wps newsletters need LibreOffice (SOFFICE_PATH or soffice on PATH); say whether it is here.
  const office = defaultOfficeConverter();
  if (await office.available()) logger.info({ soffice: office.path }, 'LibreOffice found: .doc and .wps newsletters can be imported');
  else logger.warn({ soffice: office.path }, 'LibreOffice not found: .doc and .wps newsletters will be refused');
  // Shared state for several instances: limits in Redis, cache notices over PostgreSQL.
  const redis = await redisFor(config, logger);
  const invalidations = config.databaseUrl ? await listenForInvalidations(config.databaseUrl, logger) : undefined;
  logger.info({ limits: redis ? 'redis' : 'memory', storage: config.storage }, 'shared state');

  const accessToken = accessTokenFor(config, systemClock);
  const notifier = notifierFor(config, logger, accessToken);

  // Each job runs once per tick across every instance on the database (scheduledJob.ts).
  const scheduler = { database, clock: systemClock, logger };
  const stopJobs = [
    scheduledJob('activities.horizon', scheduler, activityHorizonJob(database.db)),
    scheduledJob('deductions.booking', scheduler, deductionBookingJob(database.db, systemClock, logger)),
    scheduledJob('wishes.claimRelease', scheduler, claimReleaseJob({ db: database.db, clock: systemClock, notifier, logger })),
    scheduledJob('letters.overdueFlags', scheduler, letterFlaggingJob({ db: database.db, logger })),
    scheduledJob('idempotency.purge', scheduler, idempotencyPurgeJob(database.db)),
    scheduledJob('attendance.figures', scheduler, attendanceFiguresJob(database.db, systemClock)),
  ];
  const tools = await videoToolsAvailable(config.video);
  if (!tools.ffprobe || !tools.ffmpeg) {
    logger.warn(
      { ffprobePath: config.video.ffprobePath, ffmpegPath: config.video.ffmpegPath, found: tools },
      "ffprobe/ffmpeg not found: video uploads (网络击鼓传花) will be refused until Debian's ffmpeg is installed (apt-get install ffmpeg)",
    );
  }
  if (config.devSignIn) {
    logger.warn(
      '!!! DEVELOPMENT SIGN-IN IS ON: codes "dev:<openid>" sign in without WeChat. Set WECHAT_APPID/WECHAT_SECRET or NODE_ENV=production to turn it off. !!!',
    );
  }

  const app = createApp({
    config,
    database,
    clock: systemClock,
    wechat: wechatClientFor(config, logger),
    notifier,
    contentChecker: contentCheckerFor(config, logger, accessToken),
    logger,
    redis,
    invalidations,
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
      for (const stop of stopJobs) stop();
      await invalidations?.close();
      redis?.disconnect();
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
