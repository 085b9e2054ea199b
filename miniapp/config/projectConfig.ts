import fs from 'node:fs';
import path from 'node:path';

/**
 * The committed project.config.json keeps `touristappid`. When TARO_APP_ID is set, the real appid
 * goes into project.private.config.json (WeChat DevTools lets it override project.config.json, and
 * it is not committed), so a developer's appid never lands in git.
 */
export function writePrivateProjectConfig(repoRoot: string, appId: string | undefined): void {
  if (!appId) return;
  const file = path.join(repoRoot, 'project.private.config.json');
  let current: Record<string, unknown> = {};
  if (fs.existsSync(file)) {
    try {
      current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      current = {};
    }
  }
  if (current.appid === appId) return;
  fs.writeFileSync(file, `${JSON.stringify({ ...current, appid: appId }, null, 2)}\n`);
}
