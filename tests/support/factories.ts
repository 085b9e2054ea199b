import type { Role, UnitKind } from '@zhijian/shared';
import { TokenService } from '../../server/src/auth/tokens';
import { runCommand } from '../../server/src/commands/context';
import { startSession } from '../../server/src/commands/startSession';
import type { Queryable } from '../../server/src/db/client';
import { branches, groups, members, units } from '../../server/src/db/schema';
import { createLogger } from '../../server/src/logger';
import type { TestServer } from './testServer';

let sequence = 0;
const next = () => (sequence += 1);

/** A phone no other factory call returns. */
export function uniquePhone(): string {
  return `158${String(next()).padStart(8, '0')}`;
}

export async function createGroup(db: Queryable, overrides: Partial<typeof groups.$inferInsert> = {}) {
  const [row] = await db
    .insert(groups)
    .values({ name: `测试片组${next()}`, ...overrides })
    .returning();
  return row!;
}

export async function createUnit(db: Queryable, overrides: Partial<typeof units.$inferInsert> & { kind?: UnitKind } = {}) {
  const groupId = overrides.groupId ?? (await createGroup(db)).id;
  const n = next();
  const [row] = await db
    .insert(units)
    .values({ name: `测试单位${n}`, kind: 'enterprise', inviteCode: `CODE${String(n).padStart(4, '0')}`, ...overrides, groupId })
    .returning();
  return row!;
}

export async function createBranch(db: Queryable, unitId: number, name = `测试支部${next()}`) {
  const [row] = await db.insert(branches).values({ unitId, name }).returning();
  return row!;
}

export async function createMember(db: Queryable, overrides: Partial<typeof members.$inferInsert> & { roles?: Role[] } = {}) {
  const [row] = await db
    .insert(members)
    .values({ name: `党员${next()}`, phone: uniquePhone(), roles: ['member'] as Role[], ...overrides })
    .returning();
  return row!;
}

const quietLogger = createLogger('silent');

/**
 * A real sign-in of an existing member, as the sign-in endpoints make one (a sessions row and its
 * first refresh token), with its access token and a client that sends it.
 */
export async function signIn(server: TestServer, member: { id: number; roles: Role[] }) {
  const env = { db: server.db, clock: server.clock, notifier: server.notifier, storage: server.storage, logger: quietLogger };
  const { session, refreshToken } = await runCommand(env, null, startSession, {
    memberId: member.id,
    ttlSeconds: server.config.refreshTtlSeconds,
  });
  const tokens = new TokenService(server.config.jwtSecret, server.config.tokenTtlSeconds, server.clock);
  const token = tokens.issueAccess({ memberId: member.id, sessionId: session.id, roles: member.roles, notAfter: session.expiresAt }).token;
  return { token, refreshToken, sessionId: session.id, client: server.clientWith(token) };
}

/** A member holding these roles (in a unit of their own unless given), signed in. */
export async function signedInMember(server: TestServer, roles: Role[], overrides: Partial<typeof members.$inferInsert> = {}) {
  const unitId = overrides.unitId === undefined ? (await createUnit(server.db)).id : overrides.unitId;
  const member = await createMember(server.db, { roles, ...overrides, unitId });
  return { member, ...(await signIn(server, member)) };
}
