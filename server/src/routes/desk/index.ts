import type Router from '@koa/router';
import type { AppServices } from '../../services';
import { deskAssignmentRoutes } from './assignment';
import { deskRegistrationRoutes } from './registration';

export function deskRoutes(services: AppServices, router: Router): Router {
  deskRegistrationRoutes(services, router);
  deskAssignmentRoutes(services, router);
  return router;
}
