import type Router from '@koa/router';
import type { AppServices } from '../../services';
import { hostSiteRoutes } from './hostSites';
import { ruleRoutes } from './rules';
import { settingsRoutes } from './settings';

/** 固定活动日 set-up: rules (三固定), host sites of mobile members, check-in settings. */
export function scheduleRoutes(services: AppServices, router: Router): Router {
  ruleRoutes(services, router);
  hostSiteRoutes(services, router);
  settingsRoutes(services, router);
  return router;
}
