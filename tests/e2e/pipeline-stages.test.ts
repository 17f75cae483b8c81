import { DataSource } from 'typeorm';
import { DomainEvents } from '@app/core';
import { EMPLOYER_STAGE_CHANGED, EmployerStageChanged } from '@app/crm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Stage moves over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let staff: TestUser;
  let manager: TestUser;
  let coordinator: TestUser;
  let elsewhere: TestUser;
  let kvkSeq = 30000000;
  const events: EmployerStageChanged[] = [];
  const as = (user: TestUser) => authed(testApp, user.token);

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    testApp.app.get(DomainEvents).subscribe<EmployerStageChanged>(EMPLOYER_STAGE_CHANGED, (e) => void events.push(e));
  });

  afterAll(async () => {
    await testApp.close();
  });

  const newEmployer = async (ownerId?: string | null): Promise<string> => {
    const body = {
      name: 'Werkgever',
      kvkNumber: String(++kvkSeq),
      regionId: am25,
      ...(ownerId !== undefined && { ownerId }),
    };
    return (await as(staff).post('/api/employers').send(body).expect(201)).body.id;
  };
  const move = (user: TestUser, id: string, body: object) => as(user).post(`/api/employers/${id}/stage`).send(body);
  const history = async (id: string) => (await as(staff).get(`/api/employers/${id}/stage-history`).expect(200)).body;

  it('should record the entry as prospect when an employer is created', async () => {
    const id = await newEmployer();
    const page = await history(id);
    expect(page).toEqual({
      items: [
        {
          from: null,
          to: 'prospect',
          at: expect.any(String),
          by: staff.id,
          cause: 'manual',
          reason: null,
          recordedAt: expect.any(String),
        },
      ],
      total: 1,
      page: 1,
      pageSize: 50,
    });
  });

  it('should record the entry as prospect once when an import creates an employer, not when it updates one', async () => {
    const upload = async (csv: string) => {
      const response = await as(staff)
        .post('/api/imports/employers')
        .attach('file', Buffer.from(csv), { filename: 'w.csv', contentType: 'text/csv' })
        .expect(202);
      for (let tries = 0; tries < 300; tries++) {
        const state = await as(staff).get(`/api/imports/${response.body.importId}`).expect(200);
        if (state.body.status === 'completed') return state.body;
        if (state.body.status === 'failed') throw new Error(JSON.stringify(state.body));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('import did not finish');
    };
    expect(await upload('name,kvkNumber,regionCode\nImport BV,31999999,AM25\n')).toMatchObject({ created: 1 });
    expect(await upload('name,kvkNumber,regionCode,city\nImport BV,31999999,AM25,Breda\n')).toMatchObject({
      updated: 1,
    });
    const [{ id }] = await testApp.app
      .get(DataSource)
      .query(`SELECT id FROM organisations WHERE kvk_number = '31999999' AND region_id = $1`, [am25]);
    expect((await history(id)).items).toEqual([
      expect.objectContaining({ from: null, to: 'prospect', by: staff.id, cause: 'manual' }),
    ]);
  });

  it('should move among the early stages, backwards only with a reason, and keep the history newest first', async () => {
    const id = await newEmployer();
    const forward = await move(staff, id, { stage: 'interested' }).expect(200);
    expect(forward.body).toMatchObject({ id, stage: 'interested' });
    const refused = await move(staff, id, { stage: 'contacted' }).expect(400);
    expect(refused.body.details).toEqual([{ field: 'reason', problem: 'is required to move back' }]);
    await move(staff, id, { stage: 'contacted', reason: 'Contactpersoon vertrokken' }).expect(200);
    const { items } = await history(id);
    expect(items.map((i: { from: string; to: string }) => [i.from, i.to])).toEqual([
      ['interested', 'contacted'],
      ['prospect', 'interested'],
      [null, 'prospect'],
    ]);
    expect(items[0]).toMatchObject({ by: staff.id, cause: 'manual', reason: 'Contactpersoon vertrokken' });
    const employer = await as(staff).get(`/api/employers/${id}`).expect(200);
    expect(employer.body.stage).toBe('contacted');
  });

  it('should refuse a later stage by hand with 409 naming the rule and change nothing', async () => {
    const id = await newEmployer();
    const response = await move(staff, id, { stage: 'sw_pilot', reason: 'pilot gestart' }).expect(409);
    expect(response.body.message).toMatch(/^stage\.later_stages_follow_facts: /);
    expect(response.body.details).toEqual([{ field: 'stage', problem: response.body.message }]);
    expect((await history(id)).total).toBe(1);
  });

  it('should answer 200 without a new history row when the stage is already the one asked for', async () => {
    const id = await newEmployer();
    const response = await move(staff, id, { stage: 'prospect' }).expect(200);
    expect(response.body.stage).toBe('prospect');
    expect((await history(id)).total).toBe(1);
  });

  it('should take a side state in with its rules and back out to the stage before it', async () => {
    const id = await newEmployer();
    await move(staff, id, { stage: 'interested' }).expect(200);
    const noReason = await move(staff, id, { stage: 'not_interested' }).expect(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', problem: 'is required for not_interested' }]);
    await move(staff, id, { stage: 'not_interested', reason: 'Geen plek' }).expect(200);
    await move(staff, id, { stage: 'paused', reason: 'Reorganisatie' }).expect(200);
    const leaveWithout = await move(staff, id, { stage: 'interested' }).expect(400);
    expect(leaveWithout.body.details[0].field).toBe('reason');
    const back = await move(staff, id, { stage: 'interested', reason: 'Nieuwe directeur' }).expect(200);
    expect(back.body.stage).toBe('interested');
    const { items } = await history(id);
    expect(items.slice(0, 3).map((i: { from: string; to: string }) => [i.from, i.to])).toEqual([
      ['paused', 'interested'],
      ['not_interested', 'paused'],
      ['interested', 'not_interested'],
    ]);
  });

  it('should return from a side state to a later stage kept before it, but to no other later stage', async () => {
    const id = await newEmployer();
    await testApp.app.get(DataSource).query(`UPDATE organisations SET stage = 'own_trajectory' WHERE id = $1`, [id]);
    await move(staff, id, { stage: 'paused' }).expect(200);
    const other = await move(staff, id, { stage: 'structural', reason: 'weer actief' }).expect(409);
    expect(other.body.message).toMatch(/^stage\.later_stages_follow_facts/);
    const back = await move(staff, id, { stage: 'own_trajectory', reason: 'weer actief' }).expect(200);
    expect(back.body.stage).toBe('own_trajectory');
    const down = await move(staff, id, { stage: 'interested', reason: 'terug' }).expect(409);
    expect(down.body.message).toMatch(/^stage\.later_stage_is_kept/);
  });

  it('should let a coordinator override with a reason and refuse an account manager with 403', async () => {
    const id = await newEmployer();
    await move(manager, id, { stage: 'structural', override: true, reason: 'Correctie' }).expect(403);
    await move(manager, id, { stage: 'contacted', override: true, reason: 'Correctie' }).expect(403);
    const noReason = await move(coordinator, id, { stage: 'structural', override: true }).expect(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', problem: 'is required with override' }]);
    events.length = 0;
    const done = await move(coordinator, id, { stage: 'structural', override: true, reason: 'Correctie' }).expect(200);
    expect(done.body.stage).toBe('structural');
    expect((await history(id)).items[0]).toMatchObject({
      from: 'prospect',
      to: 'structural',
      by: coordinator.id,
      cause: 'override',
      reason: 'Correctie',
    });
    expect(events).toEqual([
      expect.objectContaining({
        employerId: id,
        regionId: am25,
        from: 'prospect',
        to: 'structural',
        cause: 'override',
      }),
    ]);
  });

  it('should plan a re-contact task at 09:00 Amsterdam time for the owner when recontactAt is given', async () => {
    const id = await newEmployer(manager.id);
    await move(staff, id, { stage: 'not_interested', reason: 'Geen budget', recontactAt: '2099-07-01' }).expect(200);
    const tasks = await as(manager).get('/api/tasks').query({ employerId: id }).expect(200);
    expect(tasks.body.items).toEqual([
      expect.objectContaining({
        employerId: id,
        title: 'Re-contact (not interested: Geen budget)',
        assigneeId: manager.id,
        dueAt: '2099-07-01T07:00:00.000Z',
        done: false,
      }),
    ]);
  });

  it('should plan the re-contact task for the caller when the employer has no owner', async () => {
    const id = await newEmployer(null);
    await move(staff, id, { stage: 'not_interested', reason: 'Nee', recontactAt: '2099-01-04' }).expect(200);
    const tasks = await as(staff).get('/api/tasks').query({ employerId: id }).expect(200);
    expect(tasks.body.items).toEqual([
      expect.objectContaining({ assigneeId: staff.id, dueAt: '2099-01-04T08:00:00.000Z' }),
    ]);
  });

  it('should plan a new re-contact task when an employer already not interested is given a new date', async () => {
    const id = await newEmployer(manager.id);
    await move(staff, id, { stage: 'not_interested', reason: 'Geen budget', recontactAt: '2099-03-01' }).expect(200);
    const again = await move(staff, id, { stage: 'not_interested', recontactAt: '2099-09-01' }).expect(200);
    expect(again.body.stage).toBe('not_interested');
    const tasks = await as(manager).get('/api/tasks').query({ employerId: id, sort: 'dueAt' }).expect(200);
    expect(tasks.body.items.map((t: { dueAt: string; title: string }) => [t.dueAt, t.title])).toEqual([
      ['2099-03-01T08:00:00.000Z', 'Re-contact (not interested: Geen budget)'],
      ['2099-09-01T07:00:00.000Z', 'Re-contact (not interested)'],
    ]);
    expect((await history(id)).total).toBe(2);
  });

  it('should name a missing reason (400) before the rule that refuses the move (409)', async () => {
    const id = await newEmployer();
    await move(coordinator, id, { stage: 'sw_pilot', override: true, reason: 'Historie' }).expect(200);
    const noReason = await move(staff, id, { stage: 'contacted' }).expect(400);
    expect(noReason.body.details).toEqual([{ field: 'reason', problem: 'is required to move back' }]);
    const refused = await move(staff, id, { stage: 'contacted', reason: 'Toch niet' }).expect(409);
    expect(refused.body.message).toMatch(/^stage\.later_stage_is_kept/);
    await move(staff, id, { stage: 'paused' }).expect(200);
    const leave = await move(staff, id, { stage: 'structural' }).expect(400);
    expect(leave.body.details).toEqual([{ field: 'reason', problem: 'is required to leave a side state' }]);
    await move(staff, id, { stage: 'structural', reason: 'weer actief' }).expect(409);
  });

  it('should refuse an override by an account manager with 403 even when the id is malformed', async () => {
    await move(manager, 'not-a-uuid', { stage: 'structural', override: true, reason: 'Correctie' }).expect(403);
    await move(manager, UNKNOWN_ID, { stage: 'structural', override: true, reason: 'Correctie' }).expect(403);
    await move(coordinator, 'not-a-uuid', { stage: 'structural', override: true, reason: 'Correctie' }).expect(400);
  });

  it('should allow a reason of 1000 characters and refuse a longer one with 400, after the region scope', async () => {
    const id = await newEmployer();
    await move(staff, id, { stage: 'not_interested', reason: 'x'.repeat(1000) }).expect(200);
    const long = await move(staff, id, { stage: 'paused', reason: 'y'.repeat(1001) }).expect(400);
    expect(long.body.details).toEqual([{ field: 'reason', problem: 'must be at most 1000 characters' }]);
    await move(elsewhere, id, { stage: 'paused', reason: 'y'.repeat(5001) }).expect(404);
  });

  it('should refuse a bad body with 400 naming the field', async () => {
    const id = await newEmployer();
    const cases: [object, string][] = [
      [{}, 'stage'],
      [{ stage: 'gold' }, 'stage'],
      [{ stage: 'paused', recontactAt: '2099-01-01' }, 'recontactAt'],
      [{ stage: 'not_interested', reason: 'x', recontactAt: '2099-02-30' }, 'recontactAt'],
      [{ stage: 'not_interested', reason: 'x', recontactAt: '2001-01-01' }, 'recontactAt'],
      [{ stage: 'contacted', override: 'yes' }, 'override'],
    ];
    for (const [body, field] of cases) {
      const response = await move(staff, id, body).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await history(id)).total).toBe(1);
  });

  it('should answer 404 for an employer of another region or an unknown one, and 400 for a malformed id', async () => {
    const id = await newEmployer();
    await move(elsewhere, id, { stage: 'contacted' }).expect(404);
    await move(elsewhere, id, { stage: 'bogus' }).expect(404);
    await as(elsewhere).get(`/api/employers/${id}/stage-history`).expect(404);
    await move(staff, UNKNOWN_ID, { stage: 'contacted' }).expect(404);
    await move(staff, 'not-a-uuid', { stage: 'contacted' }).expect(400);
    expect((await history(id)).total).toBe(1);
  });

  it('should page the history and sort it by the allowlist only', async () => {
    const id = await newEmployer();
    await move(staff, id, { stage: 'contacted' }).expect(200);
    await move(staff, id, { stage: 'interested' }).expect(200);
    const page = await as(staff).get(`/api/employers/${id}/stage-history?pageSize=2&page=2`).expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ from: null, to: 'prospect' }] });
    const oldest = await as(staff).get(`/api/employers/${id}/stage-history?sort=recordedAt`).expect(200);
    expect(oldest.body.items.map((i: { to: string }) => i.to)).toEqual(['prospect', 'contacted', 'interested']);
    await as(staff).get(`/api/employers/${id}/stage-history?sort=cause`).expect(400);
  });
});
