import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { updateRecordSettings } from '../../commands/updateRecordSettings';
import { presentRecordSettings } from '../../presenters/recordSettings';
import { loadRecordSettings } from '../../queries/recordSettings';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 积分与先锋指数规则: everyone signed in reads them; the secretariat saves a new version. */
export function recordSettingsRoutes(services: AppServices, router: Router): void {
  const { db, clock } = services;

  mount(router, services, api.recordSettings.get, async () => presentRecordSettings(await loadRecordSettings(db, clock.now())));

  mount(router, services, api.recordSettings.update, async ({ body, run }) => {
    const effectiveFrom = await run(updateRecordSettings, { settings: body });
    return presentRecordSettings(await loadRecordSettings(db, effectiveFrom));
  });
}
