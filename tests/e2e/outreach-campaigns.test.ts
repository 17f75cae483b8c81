import request from 'supertest';
import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { campaignBody, insertSegment, insertTemplate, setStatus, UNKNOWN_ID } from './outreach-campaigns-fixtures';

const ZERO_PROGRESS = {
  audience: 0,
  enrolled: 0,
  skipped: { noEmail: 0, noBasis: 0, suppressed: 0, restricted: 0, overlap: 0 },
  waitingForPressure: 0,
};
const ZERO_STATS = {
  sent: 0,
  bounced: 0,
  blocked: 0,
  replied: 0,
  unsubscribed: 0,
  exited: 0,
  converted: 0,
  failed: 0,
  unknown: 0,
};

describe('Campaign definitions over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let manager: TestUser;
  let coordinator: TestUser;
  let staff: TestUser;
  let admin: TestUser;
  let elsewhere: TestUser;
  let segment: string;
  let template: string;
  const as = (user: TestUser) => authed(testApp, user.token);
  const create = async (extra: Record<string, unknown> = {}, user = manager) =>
    (
      await as(user)
        .post('/api/campaigns')
        .send(campaignBody(am25, segment, template, extra))
        .expect(201)
    ).body as {
      id: string;
      [key: string]: unknown;
    };

  beforeAll(async () => {
    // No queue workers: statuses are set by SQL here and must not be moved on by the dispatcher.
    testApp = await startTestApp({ WORKERS: 'off' });
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    admin = await createUser(testApp, { role: 'admin' });
    elsewhere = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    segment = await insertSegment(testApp, am25);
    template = await insertTemplate(testApp, am25);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should create a draft with the api.md defaults when optional fields are left out', async () => {
    const response = await as(manager)
      .post('/api/campaigns')
      .send(campaignBody(am25, segment, template))
      .expect(201);
    expect(response.body).toMatchObject({
      id: expect.any(String),
      status: 'draft',
      regionId: am25,
      segmentId: segment,
      senderId: manager.id,
      contactScope: 'primary',
      exitStage: 'interested',
      sendWindow: { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
      maxPerHour: null,
      launchAt: null,
      createdBy: manager.id,
      launchedAt: null,
      completedAt: null,
      cancelledAt: null,
      steps: [
        { type: 'email', templateId: template },
        { type: 'wait', duration: 'P3D', calendar: 'working-days' },
        { type: 'email', templateId: template },
      ],
      progress: ZERO_PROGRESS,
      stats: ZERO_STATS,
    });
  });

  it('should stay a draft and keep the launch time when created with a future launchAt', async () => {
    const launchAt = new Date(Date.now() + 86_400_000).toISOString();
    const body = await create({ launchAt, sendWindow: null, maxPerHour: 120, contactScope: 'all' });
    expect(body).toMatchObject({ status: 'draft', launchAt, sendWindow: null, maxPerHour: 120, contactScope: 'all' });
  });

  it('should read a campaign by id for any role of the region and 404 elsewhere', async () => {
    const { id } = await create();
    for (const user of [manager, coordinator, staff, admin]) {
      const response = await as(user).get(`/api/campaigns/${id}`).expect(200);
      expect(response.body).toMatchObject({ id, status: 'draft', progress: ZERO_PROGRESS, stats: ZERO_STATS });
    }
    await as(elsewhere).get(`/api/campaigns/${id}`).expect(404);
    await as(manager).get(`/api/campaigns/${UNKNOWN_ID}`).expect(404);
    await as(manager).get('/api/campaigns/not-a-uuid').expect(400);
  });

  it('should list the caller’s campaigns filtered by status and region', async () => {
    const { id: running } = await create();
    await setStatus(testApp, running, 'running');
    const other = await as(elsewhere)
      .post('/api/campaigns')
      .send(campaignBody(am01, await insertSegment(testApp, am01), await insertTemplate(testApp, null)))
      .expect(201);

    const mine = await as(manager).get('/api/campaigns').query({ pageSize: 500 }).expect(200);
    const ids = (mine.body.items as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(running);
    expect(ids).not.toContain(other.body.id);
    expect(mine.body).toMatchObject({ page: 1, pageSize: 500, total: ids.length });

    const byStatus = await as(manager).get('/api/campaigns').query({ status: 'running', regionId: am25 }).expect(200);
    expect(byStatus.body.items).toEqual([expect.objectContaining({ id: running, status: 'running' })]);
    const all = await as(admin).get('/api/campaigns').query({ regionId: am01 }).expect(200);
    expect((all.body.items as { id: string }[]).map((c) => c.id)).toEqual([other.body.id]);

    await as(manager).get('/api/campaigns').query({ regionId: am01 }).expect(404);
    await as(admin).get('/api/campaigns').query({ regionId: UNKNOWN_ID }).expect(404);
    const badStatus = await as(manager).get('/api/campaigns').query({ status: 'sending' }).expect(400);
    expect(badStatus.body.details).toEqual([{ field: 'status', problem: expect.any(String) }]);
    await as(manager).get('/api/campaigns').query({ sort: 'sender' }).expect(400);
  });

  it('should change a draft and audit the change when patched', async () => {
    const { id } = await create();
    const other = await insertSegment(testApp, am25);
    const response = await as(coordinator)
      .patch(`/api/campaigns/${id}`)
      .send({
        name: 'Nieuwe naam',
        segmentId: other,
        senderId: coordinator.id,
        steps: [
          { type: 'email', templateId: template },
          { type: 'task', title: 'Nabellen' },
        ],
        exitStage: 'sw_pilot',
        sendWindow: { days: [2, 4], from: '10:00', to: '12:00' },
      })
      .expect(200);
    expect(response.body).toMatchObject({
      id,
      status: 'draft',
      name: 'Nieuwe naam',
      segmentId: other,
      senderId: coordinator.id,
      steps: [
        { type: 'email', templateId: template },
        { type: 'task', title: 'Nabellen' },
      ],
      exitStage: 'sw_pilot',
      sendWindow: { days: [2, 4], from: '10:00', to: '12:00' },
    });
    const audit = await as(coordinator).get('/api/audit').query({ entity: 'campaign', entityId: id }).expect(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', by: manager.id }),
        expect.objectContaining({
          action: 'update',
          by: coordinator.id,
          before: expect.objectContaining({ exitStage: 'interested' }),
          after: expect.objectContaining({ exitStage: 'sw_pilot', name: 'Nieuwe naam' }),
        }),
      ]),
    );
  });

  it('should allow a patch in draft and scheduled but answer 409 once launched', async () => {
    const { id } = await create();
    await setStatus(testApp, id, 'scheduled');
    await as(manager).patch(`/api/campaigns/${id}`).send({ maxPerHour: 50 }).expect(200);
    const keep = await as(manager).patch(`/api/campaigns/${id}`).send({ launchAt: null }).expect(409);
    expect(keep.body.details).toEqual([{ field: 'launchAt', problem: expect.any(String) }]);
    for (const status of ['launching', 'running', 'paused', 'completed', 'cancelled']) {
      await setStatus(testApp, id, status);
      await as(manager).patch(`/api/campaigns/${id}`).send({ name: 'Te laat' }).expect(409);
    }
    const after = await as(manager).get(`/api/campaigns/${id}`).expect(200);
    expect(after.body).toMatchObject({ maxPerHour: 50, status: 'cancelled' });
    expect(after.body.name).not.toBe('Te laat');
  });

  it('should answer 400 before 409 when a launched campaign gets an invalid patch', async () => {
    const { id } = await create();
    await setStatus(testApp, id, 'running');
    const response = await as(manager).patch(`/api/campaigns/${id}`).send({ maxPerHour: 0 }).expect(400);
    expect(response.body.details).toEqual([{ field: 'maxPerHour', problem: expect.any(String) }]);
  });

  it('should refuse to move a campaign to another region when patched', async () => {
    const { id } = await create();
    const response = await as(manager).patch(`/api/campaigns/${id}`).send({ regionId: am01 }).expect(400);
    expect(response.body.details).toEqual([{ field: 'regionId', problem: 'is not a known field' }]);
  });

  it('should delete only a draft and answer 409 for any other status', async () => {
    const { id } = await create();
    await as(elsewhere).delete(`/api/campaigns/${id}`).expect(404);
    await as(manager).delete(`/api/campaigns/${id}`).expect(204);
    await as(manager).get(`/api/campaigns/${id}`).expect(404);
    const audit = await as(coordinator).get('/api/audit').query({ entity: 'campaign', entityId: id }).expect(200);
    expect(audit.body.items).toContainEqual(expect.objectContaining({ action: 'delete', after: null }));

    const { id: scheduled } = await create();
    await setStatus(testApp, scheduled, 'scheduled');
    await as(manager).delete(`/api/campaigns/${scheduled}`).expect(409);
    await as(manager).get(`/api/campaigns/${scheduled}`).expect(200);
  });

  it('should let wsp_staff read campaigns but not create, change, delete or act on them', async () => {
    const { id } = await create();
    await as(staff)
      .post('/api/campaigns')
      .send(campaignBody(am25, segment, template))
      .expect(403);
    await as(staff).get('/api/campaigns').expect(200);
    await as(staff).get(`/api/campaigns/${id}`).expect(200);
    await as(staff).patch(`/api/campaigns/${id}`).send({ name: 'x' }).expect(403);
    await as(staff).delete(`/api/campaigns/${id}`).expect(403);
    for (const action of ['pause', 'resume', 'cancel'])
      await as(staff).post(`/api/campaigns/${id}/${action}`).expect(403);
    await as(manager).get(`/api/campaigns/${id}`).expect(200);
  });

  it('should let account managers, coordinators and admins create campaigns', async () => {
    for (const user of [manager, coordinator, admin]) {
      const body = await create({}, user);
      expect(body).toMatchObject({ status: 'draft', senderId: user.id, createdBy: user.id });
    }
  });

  it('should keep a campaign without segment when its segment is deleted', async () => {
    const own = await insertSegment(testApp, am25);
    const { id } = await create({ segmentId: own });
    await testApp.app.get(DataSource).query(`DELETE FROM segments WHERE id = $1`, [own]);
    const response = await as(manager).get(`/api/campaigns/${id}`).expect(200);
    expect(response.body).toMatchObject({ id, segmentId: null, status: 'draft' });
  });

  it('should describe the campaign endpoints in the OpenAPI document', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/docs-json').expect(200);
    const paths = Object.keys(response.body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/campaigns',
        '/api/campaigns/{id}',
        '/api/campaigns/{id}/pause',
        '/api/campaigns/{id}/resume',
        '/api/campaigns/{id}/cancel',
      ]),
    );
  });

  it('should answer 401 without a token', async () => {
    await request(testApp.app.getHttpServer()).get('/api/campaigns').expect(401);
  });
});
