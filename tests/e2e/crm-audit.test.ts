import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

interface Entry {
  action: string;
  entity: string;
  entityId: string;
}

/** A change filed under several regions (a user of two regions) is read once, whoever reads it. */
describe('Audit log: one entry per change', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let admin: TestUser;
  let coordinator25: TestUser;
  let coordinatorBoth: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    admin = await createUser(testApp, { role: 'admin' });
    coordinator25 = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    coordinatorBoth = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25', 'AM01'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const entriesSeenBy = async (reader: TestUser, query: Record<string, string>) => {
    const response = await authed(testApp, reader.token).get('/api/audit').query(query);
    expect(response.status).toBe(200);
    return { total: response.body.total as number, items: response.body.items as Entry[] };
  };

  it('should list each change of a two-region user once when an admin or a coordinator of both regions reads it', async () => {
    const created = await authed(testApp, admin.token)
      .post('/api/users')
      .send({
        email: 'audit-once@test.example',
        name: 'Audit Once',
        role: 'wsp_staff',
        regionIds: [am25, am01],
        password: 'a-long-enough-password',
      })
      .expect(201);
    const userId = created.body.id as string;
    await authed(testApp, admin.token).patch(`/api/users/${userId}`).send({ name: 'Audit Twice' }).expect(200);

    for (const reader of [admin, coordinatorBoth, coordinator25]) {
      const seen = await entriesSeenBy(reader, { entity: 'user', entityId: userId });
      expect(seen.items.map((e) => e.action)).toEqual(['update', 'create']);
      expect(seen.total).toBe(2);
    }
    // Each region still has its own copy: a region filter shows the change under either region.
    for (const region of [am25, am01]) {
      const seen = await entriesSeenBy(admin, { entity: 'user', entityId: userId, regionId: region });
      expect(seen.items.map((e) => e.action)).toEqual(['update', 'create']);
    }
    // The unfiltered list pages over single entries too.
    const all = await entriesSeenBy(admin, { entity: 'user', pageSize: '500' });
    expect(all.items.filter((e) => e.entityId === userId)).toHaveLength(2);
    expect(all.total).toBe(all.items.length);
  });
});
