import { authed, createUser, regionId } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

// A database of its own: the rule only bites when exactly one active admin exists.
describe('The last admin', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer 409 when the last active admin would be disabled or demoted', async () => {
    const soleAdmin = await createUser(testApp, { role: 'admin' });
    const api = authed(testApp, soleAdmin.token);
    expect((await api.patch(`/api/users/${soleAdmin.id}`).send({ disabled: true })).status).toBe(409);
    const demote = await api
      .patch(`/api/users/${soleAdmin.id}`)
      .send({ role: 'coordinator', regionIds: [await regionId(testApp, 'AM25')] });
    expect(demote.status).toBe(409);
    expect((await api.get('/api/auth/me')).body).toMatchObject({ role: 'admin', disabled: false });
  });

  it('should let an admin be disabled when another active admin remains', async () => {
    const first = await createUser(testApp, { role: 'admin' });
    const second = await createUser(testApp, { role: 'admin' });
    expect((await authed(testApp, first.token).patch(`/api/users/${second.id}`).send({ disabled: true })).status).toBe(
      200,
    );
  });
});
