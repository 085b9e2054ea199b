import { rebuildAttendanceFigures } from '../attendanceFigures/keptFigures';
import { openDatabaseForCommand } from '../bootstrap';
import { systemClock } from '../clock';
import { loadConfig } from '../config';

/** `npm run figures:rebuild`: recomputes every kept attendance figure from the records, as of now. */
const config = loadConfig();
const database = await openDatabaseForCommand(config);
try {
  const started = performance.now();
  const { rows } = await rebuildAttendanceFigures(database.db, systemClock.now());
  console.log(`出勤统计已重建：${rows} 行（单位 × 月），用时 ${Math.round(performance.now() - started)} ms`);
} finally {
  await database.close();
}
