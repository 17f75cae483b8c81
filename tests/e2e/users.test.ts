import request from 'supertest';
import { DataSource } from 'typeorm';
import { authed, createUser, login, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Users', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let admin: TestUser;
  let coordinator: TestUser;
  let accountManager: TestUser;
  let staff: TestUser;
  let elsewhere: TestUser;
  let twoRegions: TestUser;
  const as = (user: TestUser) => authed(testApp, user.token);
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
    accountManager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM01'] });
    twoRegions = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25', 'AM01'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('role table', () => {
    it.each([
      ['admin', 200],
      ['coordinator', 200],
      ['account_manager', 403],
      ['wsp_staff', 403],
    ])('should answer GET /api/users with the role table status when the caller is %s', async (role, status) => {
      const caller = { admin, coordinator, account_manager: accountManager, wsp_staff: staff }[role]!;
      expect((await as(caller).get('/api/users')).status).toBe(status);
      expect((await as(caller).get(`/api/users/${staff.id}`)).status).toBe(status);
    });

    it.each([
      ['admin', 201],
      ['coordinator', 201],
      ['account_manager', 403],
      ['wsp_staff', 403],
    ])('should answer POST /api/users with the role table status when the caller is %s', async (role, status) => {
      const caller = { admin, coordinator, account_manager: accountManager, wsp_staff: staff }[role]!;
      expect((await as(caller).post('/api/users').send(newUser())).status).toBe(status);
    });

    it.each([
      ['admin', 200],
      ['coordinator', 200],
      ['account_manager', 403],
      ['wsp_staff', 403],
    ])('should answer PATCH /api/users/:id with the role table status when the caller is %s', async (role, status) => {
      const caller = { admin, coordinator, account_manager: accountManager, wsp_staff: staff }[role]!;
      const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      expect((await as(caller).patch(`/api/users/${target.id}`).send({ name: 'Renamed' })).status).toBe(status);
    });

    it('should answer 403 before 400 when a role without the permission sends an invalid body', async () => {
      expect((await as(staff).post('/api/users').send({ bogus: true })).status).toBe(403);
    });
  });

  describe('create', () => {
    it('should return 201 with the user, without any password, when an admin creates one', async () => {
      const body = newUser({ email: 'Casey@Test.Example', role: 'coordinator', phone: '020 123 4567' });
      const response = await as(admin).post('/api/users').send(body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        email: 'casey@test.example',
        role: 'coordinator',
        regionIds: [am25],
        phone: '+31201234567',
        disabled: false,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/password|argon2/i);
      await expect(login(testApp, 'casey@test.example', body.password)).resolves.toEqual(expect.any(String));
    });

    it('should write an audit entry without secrets when a user is created', async () => {
      const response = await as(admin).post('/api/users').send(newUser());
      const rows = (await testApp.app
        .get(DataSource)
        .query(
          `SELECT by_user_id, action, region_id, after::text AS after FROM audit_log WHERE entity = 'user' AND entity_id = $1`,
          [response.body.id],
        )) as { by_user_id: string; action: string; region_id: string; after: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ by_user_id: admin.id, action: 'create', region_id: am25 });
      expect(rows[0].after).not.toMatch(/password|argon2/i);
    });

    it('should answer 409 when the e-mail address exists in another case', async () => {
      const response = await as(admin)
        .post('/api/users')
        .send(newUser({ email: staff.email.toUpperCase() }));
      expect(response.status).toBe(409);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'email' })]);
    });

    it('should answer 400 naming the field when a field is unknown, missing or invalid', async () => {
      const unknown = await as(admin)
        .post('/api/users')
        .send(newUser({ isAdmin: true }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'isAdmin' })]));
      const shortPassword = await as(admin)
        .post('/api/users')
        .send(newUser({ password: 'short' }));
      expect(shortPassword.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
      const badPhone = await as(admin)
        .post('/api/users')
        .send(newUser({ phone: '12' }));
      expect(badPhone.status).toBe(400);
      expect(badPhone.body.details).toEqual([expect.objectContaining({ field: 'phone' })]);
      const badRole = await as(admin)
        .post('/api/users')
        .send(newUser({ role: 'superuser' }));
      expect(badRole.body.details).toEqual([expect.objectContaining({ field: 'role' })]);
    });

    it('should answer 400 naming regionIds when a non-admin user gets no region', async () => {
      const response = await as(admin)
        .post('/api/users')
        .send(newUser({ regionIds: [] }));
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'regionIds' })]);
    });

    it('should answer 404 when the list is filtered by a region that does not exist', async () => {
      await as(admin).get('/api/users').query({ regionId: UNKNOWN_ID }).expect(404);
      await as(admin).get('/api/users').query({ regionId: am25 }).expect(200);
    });

    it('should answer 404 when a region does not exist', async () => {
      expect(
        (
          await as(admin)
            .post('/api/users')
            .send(newUser({ regionIds: [UNKNOWN_ID] }))
        ).status,
      ).toBe(404);
    });

    it('should answer 404 when a coordinator creates a user in a region that is not theirs', async () => {
      const response = await as(coordinator)
        .post('/api/users')
        .send(newUser({ regionIds: [am25, am01] }));
      expect(response.status).toBe(404);
    });

    it('should answer 403 when a coordinator creates an admin', async () => {
      expect(
        (
          await as(coordinator)
            .post('/api/users')
            .send(newUser({ role: 'admin' }))
        ).status,
      ).toBe(403);
    });
  });

  describe('list and read', () => {
    it('should list only users sharing a region when the caller is a coordinator', async () => {
      const response = await as(coordinator).get('/api/users').query({ pageSize: '500' });
      const ids = (response.body.items as { id: string }[]).map((u) => u.id);
      expect(ids).toEqual(expect.arrayContaining([coordinator.id, staff.id, twoRegions.id]));
      expect(ids).not.toContain(elsewhere.id);
      expect(response.body).toMatchObject({ page: 1, pageSize: 500, total: ids.length });
    });

    it('should list everyone when the caller is an admin', async () => {
      const response = await as(admin).get('/api/users').query({ pageSize: '500' });
      const ids = (response.body.items as { id: string }[]).map((u) => u.id);
      expect(ids).toEqual(expect.arrayContaining([elsewhere.id, staff.id, admin.id]));
    });

    it('should filter by role, region and text when those filters are given', async () => {
      const byRole = await as(admin).get('/api/users').query({ role: 'account_manager' });
      expect((byRole.body.items as { role: string }[]).every((u) => u.role === 'account_manager')).toBe(true);
      expect(byRole.body.total).toBeGreaterThan(0);
      const byRegion = await as(admin).get('/api/users').query({ regionId: am01, pageSize: '500' });
      expect((byRegion.body.items as { id: string }[]).map((u) => u.id).sort()).toEqual(
        [elsewhere.id, twoRegions.id].sort(),
      );
      const byText = await as(admin)
        .get('/api/users')
        .query({ q: elsewhere.email.slice(0, 12) });
      expect((byText.body.items as { id: string }[]).map((u) => u.id)).toContain(elsewhere.id);
    });

    it('should sort by an allowed field and answer 400 for any other', async () => {
      const emails = async (sort: string) =>
        ((await as(admin).get('/api/users').query({ sort, pageSize: '500' })).body.items as { email: string }[]).map(
          (u) => u.email,
        );
      const ascending = await emails('email');
      expect(ascending.length).toBeGreaterThan(3);
      expect(await emails('-email')).toEqual([...ascending].reverse());
      const refused = await as(admin).get('/api/users').query({ sort: 'passwordHash' });
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'sort' })]);
      expect((await as(admin).get('/api/users').query({ pageSize: '501' })).status).toBe(400);
    });

    it('should page the list when page and pageSize are given', async () => {
      const first = await as(admin).get('/api/users').query({ pageSize: '2', sort: 'createdAt' });
      const second = await as(admin).get('/api/users').query({ pageSize: '2', page: '2', sort: 'createdAt' });
      expect(first.body.items).toHaveLength(2);
      expect(second.body.page).toBe(2);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });

    it('should answer 404 when a coordinator filters on or reads outside their regions', async () => {
      expect((await as(coordinator).get('/api/users').query({ regionId: am01 })).status).toBe(404);
      expect((await as(coordinator).get(`/api/users/${elsewhere.id}`)).status).toBe(404);
    });

    it('should answer 400 for a malformed id and 404 for an unknown one', async () => {
      expect((await as(admin).get('/api/users/not-a-uuid')).status).toBe(400);
      expect((await as(admin).get(`/api/users/${UNKNOWN_ID}`)).status).toBe(404);
      expect((await as(admin).get('/api/users').query({ regionId: 'nope' })).status).toBe(400);
    });

    it('should answer 400 when the list query has an unknown parameter', async () => {
      expect((await as(admin).get('/api/users').query({ colour: 'red' })).status).toBe(400);
    });
  });

  describe('update', () => {
    it('should update fields, normalise the phone and audit the change when an admin patches', async () => {
      const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      const response = await as(admin)
        .patch(`/api/users/${target.id}`)
        .send({ name: 'Changed', role: 'account_manager', regionIds: [am01], phone: '+31 6 12345678' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Changed',
        role: 'account_manager',
        regionIds: [am01],
        phone: '+31612345678',
      });
      const [entry] = (await testApp.app
        .get(DataSource)
        .query(`SELECT action, before, after FROM audit_log WHERE entity = 'user' AND entity_id = $1`, [
          target.id,
        ])) as {
        action: string;
        before: { name: string };
        after: { name: string };
      }[];
      expect(entry).toMatchObject({ action: 'update', before: { name: 'Test wsp_staff' }, after: { name: 'Changed' } });
    });

    it('should let the user sign in with a new password when an admin sets one', async () => {
      const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      expect((await as(admin).patch(`/api/users/${target.id}`).send({ password: 'reset-by-the-admin' })).status).toBe(
        200,
      );
      await expect(login(testApp, target.email, 'reset-by-the-admin')).resolves.toEqual(expect.any(String));
      await expect(login(testApp, target.email, target.password)).rejects.toThrow(/401/);
    });

    it('should let a disabled user back in when they are enabled again', async () => {
      const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      await as(coordinator).patch(`/api/users/${target.id}`).send({ disabled: true }).expect(200);
      await expect(login(testApp, target.email, target.password)).rejects.toThrow(/401/);
      await as(coordinator).patch(`/api/users/${target.id}`).send({ disabled: false }).expect(200);
      await expect(login(testApp, target.email, target.password)).resolves.toEqual(expect.any(String));
    });

    it('should answer 404 when a coordinator updates a user with a region that is not theirs', async () => {
      expect((await as(coordinator).patch(`/api/users/${elsewhere.id}`).send({ name: 'X' })).status).toBe(404);
      expect((await as(coordinator).patch(`/api/users/${twoRegions.id}`).send({ name: 'X' })).status).toBe(404);
    });

    it('should answer 404 when a coordinator moves a user into a region that is not theirs', async () => {
      const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      expect(
        (
          await as(coordinator)
            .patch(`/api/users/${target.id}`)
            .send({ regionIds: [am01] })
        ).status,
      ).toBe(404);
    });

    it('should answer 403 when a coordinator makes someone an admin or changes an admin', async () => {
      const target = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      expect((await as(coordinator).patch(`/api/users/${target.id}`).send({ role: 'admin' })).status).toBe(403);
      const regionalAdmin = await createUser(testApp, { role: 'admin', regionCodes: ['AM25'] });
      expect((await as(coordinator).patch(`/api/users/${regionalAdmin.id}`).send({ name: 'X' })).status).toBe(403);
    });

    it('should answer 400 when the body has an unknown field such as email', async () => {
      const response = await as(admin).patch(`/api/users/${staff.id}`).send({ email: 'other@test.example' });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'email' })]);
    });
  });

  it('should never return password hashes from any user endpoint', async () => {
    const server = testApp.app.getHttpServer();
    const list = await request(server).get('/api/users').set('Authorization', `Bearer ${admin.token}`);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|argon2/);
  });
});
