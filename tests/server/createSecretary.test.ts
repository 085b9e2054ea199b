import { api } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSecretaryAccount } from '../../server/src/commands/createSecretaryAccount';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('createSecretaryAccount (npm run admin:create)', () => {
  it('creates a secretariat account that signs in to the console, and resets its password on a second run', async () => {
    const input = { username: 'desk-admin', name: '秘书处管理员', phone: '139 0000 1111', password: 'first-password' };
    expect((await createSecretaryAccount(server.db, input, server.clock.now())).created).toBe(true);
    const first = await server.client.call(api.auth.password, { body: { username: 'desk-admin', password: 'first-password' } });
    expect(first.user.roles).toEqual(['secretariat']);
    expect(first.user.phoneMasked).toBe('139****1111');

    const again = await createSecretaryAccount(server.db, { ...input, password: 'second-password' }, server.clock.now());
    expect(again).toEqual({ id: first.user.id, created: false });
    await expect(
      server.client.call(api.auth.password, { body: { username: 'desk-admin', password: 'first-password' } }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      server.client.call(api.auth.password, { body: { username: 'desk-admin', password: 'second-password' } }),
    ).resolves.toBeTruthy();
  });

  it.each([
    [{ username: 'x' }, '用户名'],
    [{ phone: '123' }, '手机号'],
    [{ password: 'short' }, '密码'],
    [{ name: ' ' }, '姓名'],
  ])('refuses %o', async (override, message) => {
    const input = { username: 'ok-name', name: '某人', phone: '13900002222', password: 'long-enough-pw', ...override };
    await expect(createSecretaryAccount(server.db, input, server.clock.now())).rejects.toThrow(message);
  });
});
