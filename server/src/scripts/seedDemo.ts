import { parseArgs } from 'node:util';
import { openDatabaseForCommand } from '../bootstrap';
import { loadConfig } from '../config';
import { clearOrganisation, demoLoaded, loadDemoAssociation } from '../seed/loadDemo';

/** `npm run seed:demo [-- --reset]`: loads the demo association; --reset first removes all organisation data. */
const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
const config = loadConfig();
if (config.isProduction) {
  console.error('生产环境不能加载演示数据');
  process.exit(2);
}
const database = await openDatabaseForCommand(config);
try {
  if (values.reset) await clearOrganisation(database.db);
  if (!values.reset && (await demoLoaded(database.db))) {
    console.log('演示数据已存在；如需重新加载请使用 --reset');
  } else {
    const loaded = await loadDemoAssociation(database.db, new Date());
    console.log(
      `已加载演示协会：${loaded.units} 个单位，${loaded.members} 名党员，${loaded.bulletins} 期简报，${loaded.activities} 次活动`,
    );
  }
} finally {
  await database.close();
}
