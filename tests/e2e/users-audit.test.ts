import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

interface Entry {
  action: string;
  entityId: string;
}

/** A user of two regions is audited where the coordinators of either region can read it. */
describe('Users: audit entries per region', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let admin: TestUser;
  let coordinator25: TestUser;
  let coordinator01: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    admin = await createUser(testApp, { role: 'admin' });
    coordinator25 = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    coordinator01 = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const actionsSeenBy = async (reader: TestUser, userId: string): Promise<string[]> => {
    const response = await authed(testApp, reader.token)
      .get('/api/audit')
      .query({ entity: 'user', entityId: userId, pageSize: '500' });
    expect(response.status).toBe(200);
    return (response.body.items as Entry[]).map((e) => e.action).sort();
  };

  it('should show the creation to the coordinators of both regions when a user has two regions', async () => {
    const created = await authed(testApp, admin.token)
      .post('/api/users')
      .send({
        email: 'two-regions@test.example',
        name: 'Two Regions',
        role: 'wsp_staff',
        regionIds: [am25, am01],
        password: 'a-long-enough-password',
      })
      .expect(201);
    expect(await actionsSeenBy(coordinator25, created.body.id)).toEqual(['create']);
    expect(await actionsSeenBy(coordinator01, created.body.id)).toEqual(['create']);
  });

  it('should show a move to the coordinators of the old and the new region when regions change', async () => {
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    await authed(testApp, admin.token)
      .patch(`/api/users/${user.id}`)
      .send({ regionIds: [am01] })
      .expect(200);
    expect(await actionsSeenBy(coordinator25, user.id)).toEqual(['update']);
    expect(await actionsSeenBy(coordinator01, user.id)).toEqual(['update']);
  });

  it('should show an own password change to the coordinators of every region of the user', async () => {
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25', 'AM01'] });
    await authed(testApp, user.token)
      .post('/api/auth/password')
      .send({ currentPassword: user.password, newPassword: 'a-brand-new-password' })
      .expect(200);
    expect(await actionsSeenBy(coordinator25, user.id)).toEqual(['password_change']);
    expect(await actionsSeenBy(coordinator01, user.id)).toEqual(['password_change']);
  });
});
