import { api, type ApiClient, type VolunteerActivityChanges, type VolunteerActivityInput } from '@zhijian/shared';
import { signIdentityCode } from '../../../server/src/cards/identityCode';
import { CheckinCodes, VOLUNTEER_CODE_PURPOSE } from '../../../server/src/checkinCodes/rotatingCodes';
import { slotOf } from '@zhijian/shared';
import { TEST_JWT_SECRET } from '../../support/testServer';

/** A Shanghai wall-clock time as an instant string (`2026-11-28 09:00`). */
export function local(text: string): string {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`).toISOString();
}

/** An activity on 28 November (the tests' clock stands on the 20th), 3 places unless told. */
export function activityInput(overrides: Partial<VolunteerActivityInput> = {}): VolunteerActivityInput {
  return {
    scope: 'unit',
    title: '社区敬老院志愿服务',
    description: '陪伴老人聊天、打扫活动室，自带水杯。',
    placeName: '星光敬老院',
    startsAt: local('2026-11-28 09:00'),
    endsAt: local('2026-11-28 11:30'),
    signUpDeadline: local('2026-11-27 18:00'),
    places: 3,
    ...overrides,
  };
}

export function publish(client: ApiClient, overrides: Partial<VolunteerActivityInput> = {}) {
  return client.call(api.volunteerActivities.create, { body: activityInput(overrides) });
}

export function signUp(client: ApiClient, id: number) {
  return client.call(api.volunteerActivities.signUp, { params: { id } });
}

export function cancel(client: ApiClient, id: number) {
  return client.call(api.volunteerActivities.cancel, { params: { id } });
}

const codes = new CheckinCodes(TEST_JWT_SECRET, VOLUNTEER_CODE_PURPOSE);

/** The rotating code the organiser's screen shows for this activity at `at`. */
export function volunteerCodeFor(activityId: number, at: Date): string {
  return codes.sign({ activityId, slot: slotOf(at) });
}

/** The member's card identity code, as the card page shows it at `at`. */
export function identityCodeFor(memberId: number, at: Date): string {
  return signIdentityCode(TEST_JWT_SECRET, memberId, at).code;
}

export function edit(client: ApiClient, id: number, body: VolunteerActivityChanges) {
  return client.call(api.volunteerActivities.update, { params: { id }, body });
}

export function callOff(client: ApiClient, id: number, reason = '暴雨预警，活动取消') {
  return client.call(api.volunteerActivities.cancelActivity, { params: { id }, body: { reason } });
}
