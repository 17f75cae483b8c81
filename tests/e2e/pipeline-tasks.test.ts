import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
// Wednesday 24 March 2027, 13:00 in Amsterdam (CET); summer time starts on Sunday the 28th.
const NOW = new Date('2027-03-24T12:00:00Z');

describe('Tasks over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let staff: TestUser;
  let owner: TestUser;
  let coordinator: TestUser;
  let elsewhere: TestUser;
  let kvkSeq = 60000000;
  const as = (user: TestUser) => authed(testApp, user.token);

  beforeAll(async () => {
    testApp = await startTestApp();
    // The rules ask the clock; tokens are issued and checked by it too, so set it before signing in.
    testApp.app.get(Clock).now = () => new Date(NOW);
    am25 = await regionId(testApp, 'AM25');
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    owner = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM01'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const newEmployer = async (ownerId: string | null, user = staff): Promise<string> =>
    (
      await as(user)
        .post('/api/employers')
        .send({ name: 'Werkgever', kvkNumber: String(++kvkSeq), regionId: am25, ownerId })
        .expect(201)
    ).body.id;
  const create = (body: object, user = staff) => as(user).post('/api/tasks').send(body);

  describe('assignee', () => {
    it("should default to the employer's owner", async () => {
      const employerId = await newEmployer(owner.id);
      const response = await create({ employerId, title: ' Bellen ', dueAt: '2027-03-25T10:00:00+01:00' }).expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        employerId,
        employerName: 'Werkgever',
        regionId: am25,
        title: 'Bellen',
        dueAt: '2027-03-25T09:00:00.000Z',
        assigneeId: owner.id,
        done: false,
        doneAt: null,
        createdBy: staff.id,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      });
      await as(staff).get(`/api/tasks/${response.body.id}`).expect(200, response.body);
    });

    it('should default to the caller when the employer has no owner or the owner is disabled', async () => {
      const unowned = await newEmployer(null);
      expect(
        (await create({ employerId: unowned, title: 'x', dueAt: NOW.toISOString() }).expect(201)).body.assigneeId,
      ).toBe(staff.id);
      const leaver = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
      const owned = await newEmployer(leaver.id);
      await testApp.app.get(DataSource).query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [leaver.id]);
      expect(
        (await create({ employerId: owned, title: 'x', dueAt: NOW.toISOString() }).expect(201)).body.assigneeId,
      ).toBe(staff.id);
    });

    it('should refuse an assignee who does not work in the region with 404', async () => {
      const employerId = await newEmployer(null);
      await create({ employerId, title: 'x', dueAt: NOW.toISOString(), assigneeId: elsewhere.id }).expect(404);
      await create({ employerId, title: 'x', dueAt: NOW.toISOString(), assigneeId: UNKNOWN_ID }).expect(404);
      await create({ employerId, title: 'x', dueAt: NOW.toISOString(), assigneeId: 'nobody' }).expect(400);
      const ok = await create({ employerId, title: 'x', dueAt: NOW.toISOString(), assigneeId: coordinator.id });
      expect(ok.status).toBe(201);
      expect(ok.body.assigneeId).toBe(coordinator.id);
    });
  });

  it('should refuse bad input with 400 naming each field, after the employer scope (404)', async () => {
    const employerId = await newEmployer(null);
    const bad = await create({ employerId, title: '', dueAt: 'morgen' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['dueAt', 'title']);
    const missing = await create({ employerId }).expect(400);
    expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['dueAt', 'title']);
    await create({ employerId, title: 'x', dueAt: NOW.toISOString(), extra: 1 }).expect(400);
    await create({ employerId: UNKNOWN_ID, title: '', dueAt: 'morgen' }).expect(404);
    await create({ employerId, title: 'x', dueAt: NOW.toISOString() }, elsewhere).expect(404);
  });

  it('should answer 404 before 400 when an employer or task outside the regions comes with a field of the wrong type', async () => {
    const employerId = await newEmployer(null);
    await create({ employerId, title: 5, dueAt: NOW.toISOString() }, elsewhere).expect(404);
    const task = (await create({ employerId, title: 'x', dueAt: NOW.toISOString() }).expect(201)).body;
    await as(elsewhere).patch(`/api/tasks/${task.id}`).send({ done: 'yes', title: 5 }).expect(404);
    const wrong = await create({ employerId, title: 5, dueAt: 20270401 }).expect(400);
    expect(wrong.body.details).toEqual([
      { field: 'title', problem: 'must be a string' },
      { field: 'dueAt', problem: 'must be a string' },
    ]);
    const patch = await as(staff).patch(`/api/tasks/${task.id}`).send({ done: 'yes' }).expect(400);
    expect(patch.body.details).toEqual([{ field: 'done', problem: 'must be true or false' }]);
  });

  it('should list the overdue, today and week buckets in Amsterdam days', async () => {
    const user = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const employerId = await newEmployer(null, user);
    const due: Record<string, string> = {
      yesterday: '2027-03-23T10:00:00Z',
      todayEarly: '2027-03-24T07:00:00Z', // 08:00 local, already past
      todayLate: '2027-03-24T17:00:00Z', // 18:00 local
      friday: '2027-03-26T09:00:00Z',
      sundayNight: '2027-03-28T21:30:00Z', // 23:30 summer time
      nextMonday: '2027-03-28T22:30:00Z', // 00:30 on Monday
      doneToday: '2027-03-24T06:00:00Z',
    };
    for (const [title, dueAt] of Object.entries(due)) {
      const task = (await create({ employerId, title, dueAt }, user).expect(201)).body;
      if (title === 'doneToday') await as(user).patch(`/api/tasks/${task.id}`).send({ done: true }).expect(200);
    }
    const titles = async (query: string) =>
      (await as(user).get(`/api/tasks?${query}`).expect(200)).body.items.map((t: { title: string }) => t.title);
    expect(await titles('due=overdue')).toEqual(['yesterday', 'todayEarly']);
    expect(await titles('due=today')).toEqual(['doneToday', 'todayEarly', 'todayLate']);
    expect(await titles('due=today&done=false')).toEqual(['todayEarly', 'todayLate']);
    expect(await titles('due=week')).toEqual(['todayLate', 'friday', 'sundayNight']);
    expect(await titles('done=true')).toEqual(['doneToday']);
    expect(await titles('sort=-title&pageSize=2')).toEqual(['yesterday', 'todayLate']);
    await as(user).get('/api/tasks?due=later').expect(400);
    await as(user).get('/api/tasks?done=maybe').expect(400);
    await as(user).get('/api/tasks?sort=assigneeId').expect(400);
  });

  it("should list the caller's own tasks by default and others' on request, within the caller's regions", async () => {
    const employerId = await newEmployer(owner.id);
    await create({ employerId, title: 'voor eigenaar', dueAt: NOW.toISOString() }).expect(201);
    const mine = (await as(staff).get('/api/tasks').expect(200)).body.items;
    expect(mine.every((t: { assigneeId: string }) => t.assigneeId === staff.id)).toBe(true);
    const theirs = (await as(staff).get(`/api/tasks?assigneeId=${owner.id}`).expect(200)).body;
    expect(theirs.items.map((t: { title: string }) => t.title)).toContain('voor eigenaar');
    const ofEmployer = (await as(coordinator).get(`/api/tasks?employerId=${employerId}`).expect(200)).body;
    expect(ofEmployer.total).toBe(1);
    expect((await as(elsewhere).get(`/api/tasks?assigneeId=${owner.id}`).expect(200)).body.total).toBe(0);
    await as(elsewhere).get(`/api/tasks?employerId=${employerId}`).expect(404);
  });

  it('should update a task, keep the first done time and audit every change', async () => {
    const employerId = await newEmployer(null);
    const task = (await create({ employerId, title: 'Offerte', dueAt: NOW.toISOString() }).expect(201)).body;
    const done = await as(staff)
      .patch(`/api/tasks/${task.id}`)
      .send({ done: true, title: 'Offerte sturen' })
      .expect(200);
    expect(done.body).toMatchObject({ done: true, doneAt: NOW.toISOString(), title: 'Offerte sturen' });
    const moved = await as(staff)
      .patch(`/api/tasks/${task.id}`)
      .send({ done: true, dueAt: '2027-04-01T09:00:00+02:00', assigneeId: owner.id })
      .expect(200);
    expect(moved.body).toMatchObject({
      doneAt: NOW.toISOString(),
      dueAt: '2027-04-01T07:00:00.000Z',
      assigneeId: owner.id,
    });
    const undone = await as(staff).patch(`/api/tasks/${task.id}`).send({ done: false }).expect(200);
    expect(undone.body).toMatchObject({ done: false, doneAt: null });
    await as(staff).patch(`/api/tasks/${task.id}`).send({ assigneeId: elsewhere.id }).expect(404);
    await as(staff).patch(`/api/tasks/${task.id}`).send({ title: ' ' }).expect(400);
    await as(staff).patch(`/api/tasks/${task.id}`).send({ done: 'yes' }).expect(400);
    for (const field of ['done', 'title', 'dueAt', 'assigneeId']) {
      const response = await as(staff)
        .patch(`/api/tasks/${task.id}`)
        .send({ [field]: null })
        .expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    const audit = await as(coordinator).get(`/api/audit?entity=task&entityId=${task.id}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'update',
      'update',
      'update',
    ]);
  });

  it('should answer 404 for a task of another region on read and update', async () => {
    const employerId = await newEmployer(null);
    const task = (await create({ employerId, title: 'x', dueAt: NOW.toISOString() }).expect(201)).body;
    await as(elsewhere).get(`/api/tasks/${task.id}`).expect(404);
    await as(elsewhere).patch(`/api/tasks/${task.id}`).send({ done: true }).expect(404);
    await as(staff).get(`/api/tasks/${UNKNOWN_ID}`).expect(404);
    await as(staff).get('/api/tasks/nope').expect(400);
    expect((await as(staff).get(`/api/tasks/${task.id}`).expect(200)).body.done).toBe(false);
  });
});
