import { openDatabaseForCommand } from '../bootstrap';
import { loadConfig } from '../config';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
const config = loadConfig();
const database = await openDatabaseForCommand(config);
console.log(`数据库迁移完成（${database.kind === 'postgres' ? 'PostgreSQL 服务器' : `PGlite：${config.dataDir}`}）`);
await database.close();
