import { api, commonRefusals } from '@zhijian/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInMember } from '../../support/factories';
import { expectRefused } from '../../support/refusals';
import { startTestServer, type TestServer } from '../../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /api/me/contact', () => {
  it('should require authentication', async () => {
    await expectRefused(server.client.call(api.auth.contact), commonRefusals.unauthorized);
  });

  it("answers the caller's own name and full phone, for prefilling a form", async () => {
    const { client } = await signedInMember(server, ['member', 'info_officer'], { name: '李信息', phone: '13912345678' });
    await signedInMember(server, ['member'], { name: '别人', phone: '13700000000' });
    expect(await client.call(api.auth.contact)).toEqual({ name: '李信息', phone: '13912345678' });
  });
});
