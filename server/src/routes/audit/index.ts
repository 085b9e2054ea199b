import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { presentAuditEntry } from '../../presenters/audit';
import { listAuditEntries } from '../../queries/audit';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 审计日志: every administrative write, newest first, for the secretariat. */
export function auditRoutes(services: AppServices, router: Router): Router {
  mount(router, services, api.audit.list, async ({ query }) => {
    const page = await listAuditEntries(services.db, query);
    return { ...page, items: page.items.map((row) => presentAuditEntry(row)) };
  });
  return router;
}
