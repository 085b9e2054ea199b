import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabaseForCommand } from '../bootstrap';
import { systemClock } from '../clock';
import { runCommand } from '../commands/context';
import { createSecretaryAccount } from '../commands/createSecretaryAccount';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { loggingNotifier } from '../notify/notifier';
import { localDiskStorage } from '../storage/localDiskStorage';

/**
 * `npm run admin:create -- --username U --name 姓名 --phone 138…` with the password in
 * ADMIN_PASSWORD (kept out of the shell history and the process list).
 */
const USAGE = '用法：ADMIN_PASSWORD=… npm run admin:create -- --username 用户名 --name 姓名 --phone 手机号';
let values: { username?: string; name?: string; phone?: string };
try {
  ({ values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const password = process.env.ADMIN_PASSWORD ?? '';
if (!values.username || !values.name || !values.phone || !password) {
  console.error(USAGE);
  process.exit(2);
}
const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await openDatabaseForCommand(config);
const env = {
  db: database.db,
  clock: systemClock,
  logger,
  notifier: loggingNotifier(logger),
  storage: localDiskStorage(path.join(config.dataDir, 'uploads')),
};
try {
  // The system acts here (actor null): whoever runs the script already holds the server.
  const result = await runCommand(env, null, createSecretaryAccount, {
    username: values.username,
    name: values.name,
    phone: values.phone,
    password,
  });
  console.log(result.created ? `已创建秘书处账号 ${values.username}` : `已重置 ${values.username} 的密码`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
