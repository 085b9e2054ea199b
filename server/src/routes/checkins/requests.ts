import type Router from '@koa/router';
import { api } from '@zhijian/shared';
import { decideAttendanceRequest } from '../../commands/decideAttendanceRequest';
import { fileAttendanceRequest } from '../../commands/fileAttendanceRequest';
import { authorizeOrganiser, authorizeUnitActivities } from '../../policies/activities';
import { presentAttendanceRequest } from '../../presenters/checkins';
import { findActivity } from '../../queries/activities';
import { findAttendanceRequest, listAttendanceRequests } from '../../queries/checkins';
import { presentPage } from '../../queries/paginate';
import { mount } from '../../routing/mount';
import type { AppServices } from '../../services';

/** 请假 before the start and 补签 after the window: asked by the member, decided by the organiser. */
export function requestRoutes(services: AppServices, router: Router): void {
  const { db } = services;

  mount(router, services, api.checkins.requestLeave, async ({ params, body, run }) => {
    const activity = await findActivity(db, params.id);
    const request = await run(fileAttendanceRequest, { activity, kind: 'leave', reason: body.reason });
    return presentAttendanceRequest(await findAttendanceRequest(db, request.id));
  });

  mount(router, services, api.checkins.requestMakeup, async ({ params, body, run }) => {
    const activity = await findActivity(db, params.id);
    const request = await run(fileAttendanceRequest, { activity, kind: 'makeup', reason: body.reason });
    return presentAttendanceRequest(await findAttendanceRequest(db, request.id));
  });

  mount(router, services, api.checkins.listRequests, async ({ params, query, user }) => {
    authorizeUnitActivities(user, params.unitId);
    return presentPage(await listAttendanceRequests(db, params.unitId, query), presentAttendanceRequest);
  });

  mount(router, services, api.checkins.decide, async ({ params, body, user, run }) => {
    const request = await findAttendanceRequest(db, params.id);
    authorizeOrganiser(user, request.unitId);
    await run(decideAttendanceRequest, { request, decision: body });
    return presentAttendanceRequest(await findAttendanceRequest(db, request.request.id));
  });
}
