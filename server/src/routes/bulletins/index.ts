import type Router from '@koa/router';
import type { AppServices } from '../../services';
import { bulletinComposeRoutes } from './compose';
import { bulletinImportRoutes } from './import';
import { bulletinPersonalRoutes } from './personal';
import { bulletinReadingRoutes } from './reading';
import { bulletinStatsRoutes } from './stats';

/**
 * 简报, by area: reading and search (every member), the reader's own marks and reminders,
 * composing and publishing, importing back issues, and reading statistics (the secretariat).
 */
export function bulletinRoutes(services: AppServices, router: Router): Router {
  for (const addRoutes of [
    bulletinReadingRoutes,
    bulletinPersonalRoutes,
    bulletinComposeRoutes,
    bulletinImportRoutes,
    bulletinStatsRoutes,
  ]) {
    addRoutes(services, router);
  }
  return router;
}
