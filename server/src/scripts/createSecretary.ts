import { parseArgs } from 'node:util';
import { openMigratedDatabase } from '../bootstrap';
import { createSecretaryAccount } from '../commands/createSecretaryAccount';
import { loadConfig } from '../config';

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
const database = await openMigratedDatabase(loadConfig());
try {
  const result = await createSecretaryAccount(
    database.db,
    { username: values.username, name: values.name, phone: values.phone, password },
    new Date(),
  );
  console.log(result.created ? `已创建秘书处账号 ${values.username}` : `已重置 ${values.username} 的密码`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
