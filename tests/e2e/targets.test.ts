import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Targets over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;
  let manager: TestUser;
  let staff: TestUser;
  let admin: TestUser;
  const as = (user: TestUser) => authed(testApp, user.token);
  const auditActions = async (entityId: string) =>
    (
      (await testApp.app
        .get(DataSource)
        .query(`SELECT action FROM audit_log WHERE entity = 'target' AND entity_id = $1 ORDER BY id`, [entityId])) as {
        action: string;
      }[]
    ).map((r) => r.action);

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    otherCoordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    admin = await createUser(testApp, { role: 'admin' });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should create a target with 201 and replace it with 200 when the same region, period and metric repeat', async () => {
    const created = await as(coordinator)
      .post('/api/targets')
      .send({ regionId: am25, period: '2027', metric: 'employers_sw_pilot', value: 40 })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      regionId: am25,
      period: '2027',
      metric: 'employers_sw_pilot',
      value: 40,
      createdBy: coordinator.id,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const replaced = await as(coordinator)
      .post('/api/targets')
      .send({ regionId: am25, period: '2027', metric: 'employers_sw_pilot', value: 55 })
      .expect(200);
    expect(replaced.body).toMatchObject({ id: created.body.id, value: 55 });

    const list = await as(staff).get('/api/targets').query({ regionId: am25, period: '2027' }).expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50, items: [{ id: created.body.id, value: 55 }] });
    expect(await auditActions(created.body.id)).toEqual(['create', 'update']);
  });

  it('should normalise a lower-case quarter and keep quarters apart from the year', async () => {
    await as(coordinator)
      .post('/api/targets')
      .send({ regionId: am25, period: '2028-q1', metric: 'certificates', value: 3 })
      .expect(201);
    await as(coordinator)
      .post('/api/targets')
      .send({ regionId: am25, period: '2028', metric: 'certificates', value: 12 })
      .expect(201);
    const quarter = await as(coordinator).get('/api/targets').query({ period: '2028-Q1' }).expect(200);
    expect(quarter.body.items).toMatchObject([{ period: '2028-Q1', metric: 'certificates', value: 3 }]);
  });

  it('should end with one row and one 201 when two coordinators set the same new target at once', async () => {
    const body = { regionId: am25, period: '2029-Q2', metric: 'trajectories_started', value: 7 };
    const responses = await Promise.all([
      as(coordinator).post('/api/targets').send(body),
      as(admin)
        .post('/api/targets')
        .send({ ...body, value: 8 }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    const list = await as(coordinator).get('/api/targets').query({ period: '2029-Q2' }).expect(200);
    expect(list.body.total).toBe(1);
  });

  it('should refuse account managers and WSP staff with 403, even for another region', async () => {
    const body = { regionId: am25, period: '2027', metric: 'certificates', value: 1 };
    await as(manager).post('/api/targets').send(body).expect(403);
    await as(staff).post('/api/targets').send(body).expect(403);
    await as(staff)
      .post('/api/targets')
      .send({ ...body, regionId: am01 })
      .expect(403);
  });

  it('should answer 404 for a region outside the caller’s regions or one that does not exist', async () => {
    const body = { period: '2027', metric: 'certificates', value: 1 };
    await as(coordinator)
      .post('/api/targets')
      .send({ ...body, regionId: am01 })
      .expect(404);
    // 404 comes before 400: the region is checked before the rest of the body, its types too.
    await as(coordinator).post('/api/targets').send({ regionId: am01, period: 'soon' }).expect(404);
    await as(coordinator)
      .post('/api/targets')
      .send({ regionId: am01, period: 2027, metric: 'certificates', value: '5' })
      .expect(404);
    await as(admin)
      .post('/api/targets')
      .send({ ...body, regionId: UNKNOWN_ID })
      .expect(404);
    await as(coordinator).get('/api/targets').query({ regionId: am01 }).expect(404);
  });

  it.each([
    [{ period: '2027-Q5' }, 'period'],
    [{ period: '1999' }, 'period'],
    [{ period: '2027-03' }, 'period'],
    [{ metric: 'employers_happy' }, 'metric'],
    [{ value: -1 }, 'value'],
    [{ value: 2.5 }, 'value'],
    [{ value: '5' }, 'value'],
    [{ period: 2027 }, 'period'],
    [{ metric: ['certificates'] }, 'metric'],
    [{ regionId: 'AM25' }, 'regionId'],
    [{ extra: true }, 'extra'],
  ])('should answer 400 naming the field when the body has %p', async (change, field) => {
    const body = { regionId: am25, period: '2027', metric: 'certificates', value: 1, ...change };
    const response = await as(coordinator).post('/api/targets').send(body).expect(400);
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('should answer 404 when even an admin filters the list by a region that does not exist', async () => {
    await as(admin).get('/api/targets').query({ regionId: UNKNOWN_ID }).expect(404);
    await as(admin).get('/api/targets').query({ regionId: am25 }).expect(200);
  });

  it('should answer 400 for a missing field and for a bad period filter', async () => {
    const response = await as(coordinator).post('/api/targets').send({ regionId: am25 }).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['period', 'metric', 'value']);
    await as(coordinator).get('/api/targets').query({ period: '2027-Q9' }).expect(400);
    await as(coordinator).get('/api/targets').query({ sort: 'regionName' }).expect(400);
  });

  it('should list only the targets of the caller’s regions', async () => {
    await as(otherCoordinator)
      .post('/api/targets')
      .send({ regionId: am01, period: '2027', metric: 'employers_contacted', value: 200 })
      .expect(201);
    const mine = await as(staff).get('/api/targets').query({ period: '2027' }).expect(200);
    expect(mine.body.items.every((t: { regionId: string }) => t.regionId === am25)).toBe(true);
    const theirs = await as(otherCoordinator).get('/api/targets').expect(200);
    expect(theirs.body.items).toMatchObject([{ regionId: am01, metric: 'employers_contacted', value: 200 }]);
    const all = await as(admin).get('/api/targets').query({ period: '2027', sort: 'metric' }).expect(200);
    expect(all.body.items.map((t: { metric: string }) => t.metric)).toEqual([
      'employers_contacted',
      'employers_sw_pilot',
    ]);
  });

  it('should delete a target with 204, 403 for other roles and 404 outside the caller’s regions', async () => {
    const created = await as(coordinator)
      .post('/api/targets')
      .send({ regionId: am25, period: '2030', metric: 'employers_structural', value: 5 })
      .expect(201);
    await as(manager).delete(`/api/targets/${created.body.id}`).expect(403);
    await as(otherCoordinator).delete(`/api/targets/${created.body.id}`).expect(404);
    await as(coordinator).delete(`/api/targets/${created.body.id}`).expect(204);
    await as(coordinator).delete(`/api/targets/${created.body.id}`).expect(404);
    await as(coordinator).delete('/api/targets/not-a-uuid').expect(400);
    expect(await auditActions(created.body.id)).toEqual(['create', 'delete']);
  });
});
