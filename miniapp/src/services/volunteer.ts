import type { VolunteerActivityChanges, VolunteerActivityInput } from '@zhijian/shared';
import { api } from '@zhijian/shared';
import { call } from './api';

/**
 * 爱E客栈 volunteer activities: the list and one activity for every member, sign-up and cancel,
 * attendance by scanning the activity's code; for the organiser, publishing, editing and calling
 * off, the roster, the rotating code and scanning a member's card.
 */

export function listVolunteerActivities(page: number, pageSize: number, mine = false) {
  return call(api.volunteerActivities.list, { query: mine ? { page, pageSize, mine: 'true' } : { page, pageSize } });
}

export function getVolunteerActivity(id: number) {
  return call(api.volunteerActivities.get, { params: { id } });
}

export function signUpForActivity(id: number) {
  return call(api.volunteerActivities.signUp, { params: { id } });
}

export function cancelSignUp(id: number) {
  return call(api.volunteerActivities.cancel, { params: { id } });
}

/** The member's scan (or typed text) of the activity's rotating code. */
export function attendByCode(token: string) {
  return call(api.volunteerActivities.attendByCode, { body: { token } });
}

export function publishVolunteerActivity(input: VolunteerActivityInput) {
  return call(api.volunteerActivities.create, { body: input });
}

export function updateVolunteerActivity(id: number, changes: VolunteerActivityChanges) {
  return call(api.volunteerActivities.update, { params: { id }, body: changes });
}

/** Calls the activity off (取消活动) with the reason members will read. */
export function cancelVolunteerActivity(id: number, reason: string) {
  return call(api.volunteerActivities.cancelActivity, { params: { id }, body: { reason } });
}

export function volunteerRoster(id: number) {
  return call(api.volunteerActivities.roster, { params: { id } });
}

/** The rotating code with how long until the next one is due (by the server's clock). */
export async function volunteerCode(id: number) {
  const code = await call(api.volunteerActivities.code, { params: { id } });
  return { ...code, refreshInMs: Math.max(1000, Date.parse(code.expiresAt) - Date.now()) };
}

/** The organiser's scan (or typed text) of a member's card identity code. */
export function attendByCard(id: number, code: string) {
  return call(api.volunteerActivities.attendByCard, { params: { id }, body: { code } });
}
