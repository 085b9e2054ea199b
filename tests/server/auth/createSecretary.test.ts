import { api, authRefusals, commonRefusals } from '@zhijian/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandEnvironment } from '../../../server/src/commands/context';
import { createSecretaryAccount, type SecretaryAccountInput } from '../../../server/src/commands/createSecretaryAccount';
import { auditLog } from '../../../server/src/db/schema';
import { AppError } from '../../../server/src/errors';
import { createLogger } from '../../../server/src/logger';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
let env: CommandEnvironment;
beforeAll(async () => {
  server = await startTestServer();
  env = { db: server.db, clock: server.clock, notifier: server.notifier, storage: server.storage, logger: createLogger('silent') };
});
afterAll(() => server.close());

/** As `npm run admin:create` runs it: the system acting, no one signed in. */
const create = (input: SecretaryAccountInput) => runCommand(env, null, createSecretaryAccount, input);

describe('createSecretaryAccount (npm run admin:create)', () => {
  it('creates a secretariat account that signs in to the console, and resets its password on a second run', async () => {
    const input = { username: 'desk-admin', name: '秘书处管理员', phone: '139 0000 1111', password: 'first-password' };
    expect((await create(input)).created).toBe(true);
    const first = await server.client.call(api.auth.password, { body: { username: 'desk-admin', password: 'first-password' } });
    expect(first.user.roles).toEqual(['secretariat']);
    expect(first.user.phoneMasked).toBe('139****1111');

    const again = await create({ ...input, password: 'second-password' });
    expect(again).toEqual({ id: first.user.id, created: false });
    await expectRefused(
      server.client.call(api.auth.password, { body: { username: 'desk-admin', password: 'first-password' } }),
      authRefusals.wrong_password,
    );
    await expect(
      server.client.call(api.auth.password, { body: { username: 'desk-admin', password: 'second-password' } }),
    ).resolves.toBeTruthy();

    const trail = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'member'), eq(auditLog.entityId, String(first.user.id))));
    expect(trail.map((e) => [e.action, e.actorId])).toEqual([
      ['member.create', null],
      ['member.reset_password', null],
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/passwordHash|argon2|first-password|13900001111/);
  });

  it.each([
    [{ username: 'x' }, 'username', '用户名'],
    [{ phone: '123' }, 'phone', '手机号'],
    [{ password: 'short' }, 'password', '密码'],
    [{ name: ' ' }, 'name', '姓名'],
  ])('refuses %o', async (override, path, label) => {
    const input = { username: 'ok-name', name: '某人', phone: '13900002222', password: 'long-enough-pw', ...override };
    const error = await create(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).reason).toBe(commonRefusals.invalid_fields.reason);
    expect((error as AppError).details.issues).toEqual([expect.objectContaining({ path, label })]);
    // The CLI prints the message: it names what to fix.
    expect((error as AppError).message).toContain(label);
  });
});
