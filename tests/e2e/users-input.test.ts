import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

/** api.md: 403 → 404 → 400, so value checks must not answer before the role and scope checks. */
describe('Users: input checks', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let admin: TestUser;
  let coordinator: TestUser;
  let seq = 0;
  const newUser = (overrides: object = {}) => ({
    email: `new-${++seq}@test.example`,
    name: `New ${seq}`,
    role: 'wsp_staff',
    regionIds: [am25],
    password: 'a-long-enough-password',
    ...overrides,
  });

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    admin = await createUser(testApp, { role: 'admin' });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should answer 403 when a coordinator creates an admin with a malformed e-mail address', async () => {
    const response = await authed(testApp, coordinator.token)
      .post('/api/users')
      .send(newUser({ role: 'admin', email: 'not-an-address', password: 'short' }));
    expect(response.status).toBe(403);
  });

  it('should answer 404 when a coordinator creates a user outside their regions with a malformed e-mail address', async () => {
    const response = await authed(testApp, coordinator.token)
      .post('/api/users')
      .send(newUser({ regionIds: [am01], email: 'not-an-address', phone: '12' }));
    expect(response.status).toBe(404);
  });

  it('should answer 403 when a coordinator makes someone an admin with an invalid phone and password', async () => {
    const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const response = await authed(testApp, coordinator.token)
      .patch(`/api/users/${target.id}`)
      .send({ role: 'admin', phone: '12', password: 'short' });
    expect(response.status).toBe(403);
  });

  it('should answer 404 when a coordinator moves a user outside their regions with an invalid password', async () => {
    const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const response = await authed(testApp, coordinator.token)
      .patch(`/api/users/${target.id}`)
      .send({ regionIds: [am01], password: 'short' });
    expect(response.status).toBe(404);
  });

  it('should answer 400 naming every bad value when the caller may make the user', async () => {
    const response = await authed(testApp, admin.token)
      .post('/api/users')
      .send(newUser({ email: 'not-an-address', password: 'short', phone: '12', role: 'superuser', name: ' ' }));
    expect(response.status).toBe(400);
    expect((response.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(
      ['email', 'name', 'password', 'phone', 'role'].sort(),
    );
  });

  it('should match % and _ literally when the search text holds them', async () => {
    const percent = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'], name: 'Hundred % Sure' });
    const plain = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'], name: 'Hundred X Sure' });
    const response = await authed(testApp, admin.token).get('/api/users').query({ q: 'hundred %', pageSize: '500' });
    const ids = (response.body.items as { id: string }[]).map((u) => u.id);
    expect(ids).toContain(percent.id);
    expect(ids).not.toContain(plain.id);
    const underscore = await authed(testApp, admin.token).get('/api/users').query({ q: 'hundred_x' });
    expect(underscore.body.total).toBe(0);
  });

  it('should answer 400 when a field has the wrong type', async () => {
    const response = await authed(testApp, admin.token)
      .post('/api/users')
      .send(newUser({ email: 42 }));
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'email' })]);
  });
});
