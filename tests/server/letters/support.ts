import { api, type LetterInput, type ApiClient, type Role } from '@zhijian/shared';
import type { z } from 'zod';
import { createUnit, signIn, signedInMember } from '../../support/factories';
import type { TestServer } from '../../support/testServer';

let openids = 0;

/** A unit with its party secretary, its admin and two members (with WeChat accounts bound), all signed in. */
export async function unitWithSecretary(server: TestServer) {
  const unitId = (await createUnit(server.db)).id;
  const secretary = await signedInMember(server, ['member', 'party_secretary'], { unitId, name: '王书记', openid: `sec-${++openids}` });
  const admin = await signedInMember(server, ['member', 'unit_admin'], { unitId, openid: `adm-${++openids}` });
  const alice = await signedInMember(server, ['member'], { unitId, name: '李爱丽', openid: `alice-${++openids}` });
  const bob = await signedInMember(server, ['member'], { unitId, openid: `bob-${++openids}` });
  return { unitId, secretary, admin, alice, bob };
}

export function letterBody(overrides: Partial<z.input<typeof LetterInput>> = {}): z.input<typeof LetterInput> {
  return {
    recipient: 'secretary',
    kind: 'suggestion',
    body: '建议支部活动室周末也开放，方便上班的党员学习',
    anonymous: false,
    ...overrides,
  };
}

export function write(client: ApiClient, overrides: Partial<z.input<typeof LetterInput>> = {}) {
  return client.call(api.letters.write, { body: letterBody(overrides) });
}

/** A new sign-in for someone after the test clock moved past their access token's life. */
export async function again(server: TestServer, who: { member: { id: number; roles: Role[] } }) {
  return (await signIn(server, who.member)).client;
}
