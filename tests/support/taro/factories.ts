import type { Me, MemberListItem, SignedIn } from '@zhijian/shared';

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: 1,
    name: '张三',
    phoneMasked: '138****0001',
    phoneTail: '0001',
    kind: 'fixed',
    roles: ['member'],
    unit: { id: 7, name: '荣盛集团' },
    branch: { id: 3, name: '第一党支部' },
    group: { id: 1, name: '第一片组' },
    ...overrides,
  };
}

/** A sign-in answer; its refresh token is `refresh-<token>`, good for 30 days. */
export function makeSignedIn(user: Me = makeMe(), token = 'token-1', ttlMs = 2 * 3600_000, now = Date.now()): SignedIn {
  return {
    status: 'signed_in',
    token,
    expiresAt: new Date(now + ttlMs).toISOString(),
    refreshToken: `refresh-${token}`,
    refreshExpiresAt: new Date(now + 30 * 24 * 3600_000).toISOString(),
    user,
  };
}

export function makeMembers(count: number, startId = 1): MemberListItem[] {
  return Array.from({ length: count }, (_, index) => {
    const id = startId + index;
    return {
      id,
      name: `党员${id}`,
      phoneMasked: `139****${String(id).padStart(4, '0')}`,
      kind: id % 3 === 0 ? 'mobile' : 'fixed',
      roles: ['member'],
      unitId: 7,
      branchId: 3,
      branchName: '第一党支部',
      bound: id % 2 === 0,
      joinedPartyOn: null,
    };
  });
}
