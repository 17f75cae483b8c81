import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { insertEmployer, insertTemplateVersion, query, runningCampaign } from './outreach-delivery-fixtures';

describe('Suppressions API', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let manager: TestUser;
  let coordinator: TestUser;
  let admin: TestUser;
  let elsewhere: TestUser;
  const as = (user: TestUser) => authed(testApp, user.token);

  beforeAll(async () => {
    testApp = await startTestApp({ WORKERS: 'off' });
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    admin = await createUser(testApp, { role: 'admin' });
    elsewhere = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should store a suppression lower-case and list it for its region when an account manager adds it', async () => {
    const created = await as(manager)
      .post('/api/suppressions')
      .send({ email: ' Piet@Bakkerij.Example ', regionId: am25, reason: 'Asked by phone' })
      .expect(201);
    expect(created.body).toMatchObject({
      email: 'piet@bakkerij.example',
      regionId: am25,
      reason: 'Asked by phone',
      source: 'manual',
      createdBy: manager.id,
    });
    const listed = await as(manager).get('/api/suppressions').query({ q: 'PIET@' }).expect(200);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
    const other = await as(elsewhere).get('/api/suppressions').query({ q: 'piet@' }).expect(200);
    expect(other.body.total).toBe(0);
  });

  it('should answer 409 when the address is already suppressed in that region', async () => {
    await as(manager)
      .post('/api/suppressions')
      .send({ email: 'dup@x.example', regionId: am25, reason: 'a' })
      .expect(201);
    const again = await as(coordinator)
      .post('/api/suppressions')
      .send({ email: 'DUP@x.example', regionId: am25, reason: 'b' });
    expect(again.status).toBe(409);
    await as(manager).post('/api/suppressions').send({ email: 'dup@x.example', reason: 'everywhere' }).expect(201);
  });

  it('should show a global suppression to every region when regionId is left out', async () => {
    const created = await as(manager)
      .post('/api/suppressions')
      .send({ email: 'all@x.example', reason: 'r' })
      .expect(201);
    expect(created.body.regionId).toBeNull();
    const listed = await as(elsewhere).get('/api/suppressions').query({ q: 'all@x' }).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id })]);
  });

  it('should answer 400 for a bad address or missing reason and 404 for a region outside the scope', async () => {
    await as(manager).post('/api/suppressions').send({ email: 'nope', regionId: am25, reason: 'r' }).expect(400);
    await as(manager).post('/api/suppressions').send({ email: 'a@b.example', regionId: am25 }).expect(400);
    await as(manager).post('/api/suppressions').send({ email: 'a@b.example', regionId: am01, reason: 'r' }).expect(404);
    await as(manager).get('/api/suppressions').query({ regionId: am01 }).expect(404);
  });

  it('should let a coordinator lift a regional suppression with an audit entry, and not an account manager', async () => {
    const created = await as(manager)
      .post('/api/suppressions')
      .send({ email: 'lift@x.example', regionId: am25, reason: 'r' })
      .expect(201);
    await as(manager).delete(`/api/suppressions/${created.body.id}`).expect(403);
    await as(elsewhere).delete(`/api/suppressions/${created.body.id}`).expect(404);
    await as(coordinator).delete(`/api/suppressions/${created.body.id}`).expect(204);
    await as(coordinator).delete(`/api/suppressions/${created.body.id}`).expect(404);
    const audit = await query(testApp, `SELECT action, by_user_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      created.body.id,
    ]);
    expect(audit).toEqual([
      { action: 'create', by_user_id: manager.id },
      { action: 'delete', by_user_id: coordinator.id },
    ]);
  });

  it('should let only an admin lift a suppression that holds everywhere', async () => {
    const created = await as(manager).post('/api/suppressions').send({ email: 'g@x.example', reason: 'r' }).expect(201);
    await as(coordinator).delete(`/api/suppressions/${created.body.id}`).expect(403);
    await as(admin).delete(`/api/suppressions/${created.body.id}`).expect(204);
    await as(admin).delete('/api/suppressions/not-a-uuid').expect(400);
  });

  it('should exit the active enrolments of that address with reason suppressed when it is suppressed', async () => {
    const template = await insertTemplateVersion(testApp, am25, 'Hallo');
    const hit = await insertEmployer(testApp, am25, ['hit@bakkerij.example']);
    const miss = await insertEmployer(testApp, am25, ['miss@bakkerij.example']);
    const campaign = await runningCampaign(testApp, {
      regionId: am25,
      senderId: manager.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [hit, miss],
    });
    await as(manager)
      .post('/api/suppressions')
      .send({ email: 'HIT@bakkerij.example', regionId: am25, reason: 'r' })
      .expect(201);
    const rows = await testApp.app
      .get(DataSource)
      .query(`SELECT contact_id, status, exit_reason FROM enrolments WHERE campaign_id = $1`, [campaign]);
    expect(rows).toEqual(
      expect.arrayContaining([
        { contact_id: hit.contactIds[0], status: 'exited', exit_reason: 'suppressed' },
        { contact_id: miss.contactIds[0], status: 'active', exit_reason: null },
      ]),
    );
  });
});
