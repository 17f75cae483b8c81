import { TimelineSources } from '@app/crm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';

describe('Activities and the timeline over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let staff: TestUser;
  let elsewhere: TestUser;
  let kvkSeq = 50000000;
  const as = (user: TestUser) => authed(testApp, user.token);

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM01'] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const newEmployer = async (): Promise<string> =>
    (
      await as(staff)
        .post('/api/employers')
        .send({ name: 'Werkgever', kvkNumber: String(++kvkSeq), regionId: am25 })
        .expect(201)
    ).body.id;
  const log = (id: string, body: object, user = staff) => as(user).post(`/api/employers/${id}/activities`).send(body);
  const stageOf = async (id: string) => (await as(staff).get(`/api/employers/${id}`).expect(200)).body.stage;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it.each(['call', 'meeting', 'email'])('should move a prospect to contacted when a %s is logged', async (type) => {
    const id = await newEmployer();
    const at = ago(30);
    const response = await log(id, { type, at, summary: 'Eerste gesprek' }).expect(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      employerId: id,
      type,
      at,
      summary: 'Eerste gesprek',
      contactId: null,
      by: staff.id,
      createdAt: expect.any(String),
    });
    expect(await stageOf(id)).toBe('contacted');
    // Dated at the call, which lies before the employer was entered: the latest recorded change.
    const history = await as(staff).get(`/api/employers/${id}/stage-history?sort=-recordedAt`).expect(200);
    expect(history.body.items[0]).toMatchObject({
      from: 'prospect',
      to: 'contacted',
      at,
      cause: 'manual',
      by: staff.id,
    });
  });

  it('should keep the stage history in date order when a call is logged for an earlier year', async () => {
    const id = await newEmployer();
    const at = '2024-03-05T10:00:00.000Z';
    await log(id, { type: 'call', at, summary: 'Gesprek van vorig jaar nagetekend' }).expect(201);
    const { body } = await as(staff).get(`/api/employers/${id}/stage-history?sort=recordedAt`).expect(200);
    // The employer evidently was known on the day of the call: its entry as prospect moves back to it.
    expect(body.items.map((i: { from: string | null; to: string; at: string }) => [i.from, i.to, i.at])).toEqual([
      [null, 'prospect', at],
      ['prospect', 'contacted', at],
    ]);
  });

  it('should leave the stage alone when a note is logged or the employer is past prospect', async () => {
    const id = await newEmployer();
    await log(id, { type: 'note', summary: 'Website bekeken' }).expect(201);
    expect(await stageOf(id)).toBe('prospect');
    await as(staff).post(`/api/employers/${id}/stage`).send({ stage: 'interested' }).expect(200);
    await log(id, { type: 'call', summary: 'Vervolg' }).expect(201);
    expect(await stageOf(id)).toBe('interested');
  });

  it('should accept a contact of this employer only', async () => {
    const id = await newEmployer();
    const other = await newEmployer();
    const contact = (await as(staff).post(`/api/employers/${id}/contacts`).send({ lastName: 'Jansen' }).expect(201))
      .body;
    const foreign = (await as(staff).post(`/api/employers/${other}/contacts`).send({ lastName: 'Bos' }).expect(201))
      .body;
    const ok = await log(id, { type: 'call', summary: 'Gebeld', contactId: contact.id }).expect(201);
    expect(ok.body.contactId).toBe(contact.id);
    const wrong = await log(id, { type: 'call', summary: 'Gebeld', contactId: foreign.id }).expect(400);
    expect(wrong.body.details).toEqual([{ field: 'contactId', problem: 'is not a contact of this employer' }]);
    await log(id, { type: 'call', summary: 'Gebeld', contactId: '00000000-0000-4000-8000-000000000000' }).expect(404);
  });

  it('should refuse bad activities with 400 naming each field', async () => {
    const id = await newEmployer();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const response = await log(id, { type: 'fax', at: future, summary: ' ' }).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['at', 'summary', 'type']);
    await log(id, { type: 'call', summary: 'x', at: '2027-01-01 10:00' }).expect(400);
    expect(await stageOf(id)).toBe('prospect');
  });

  it('should merge activities, stage changes and tasks newest first, paged with a total', async () => {
    const id = await newEmployer();
    await log(id, { type: 'note', at: ago(300), summary: 'oud' }).expect(201);
    await log(id, { type: 'meeting', at: ago(120), summary: 'kennismaking' }).expect(201);
    await as(staff)
      .post('/api/tasks')
      .send({ employerId: id, title: 'Offerte', dueAt: ago(60) })
      .expect(201);
    await as(staff).post(`/api/employers/${id}/stage`).send({ stage: 'interested' }).expect(200);
    const all = await as(staff).get(`/api/employers/${id}/timeline`).expect(200);
    expect(all.body.total).toBe(6);
    // Newest first by `at`: the move just now, the task at its due time, then at the meeting's time the
    // move to contacted it caused, the entry as prospect (moved back to the meeting: history stays in date
    // order; stage changes of one moment newest-recorded first) and the meeting itself; the note.
    expect(all.body.items.map((i: { kind: string; to?: string }) => i.to ?? i.kind)).toEqual([
      'interested',
      'task',
      'contacted',
      'prospect',
      'activity',
      'activity',
    ]);
    expect(all.body.items[0]).toMatchObject({ kind: 'stage', from: 'contacted', to: 'interested', cause: 'manual' });
    expect(all.body.items[1]).toMatchObject({ kind: 'task', title: 'Offerte', done: false, assigneeId: staff.id });
    expect(all.body.items[1].dueAt).toBe(all.body.items[1].at);
    expect(new Set(all.body.items.slice(2, 5).map((i: { at: string }) => i.at)).size).toBe(1);
    expect(all.body.items[4]).toMatchObject({ kind: 'activity', type: 'meeting', summary: 'kennismaking' });
    expect(Object.keys(all.body.items[2]).sort()).toEqual(['at', 'by', 'cause', 'from', 'id', 'kind', 'reason', 'to']);
    const times = all.body.items.map((i: { at: string }) => Date.parse(i.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const second = await as(staff).get(`/api/employers/${id}/timeline?page=2&pageSize=4`).expect(200);
    expect(second.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(second.body.items).toEqual(all.body.items.slice(4));
    const beyond = await as(staff).get(`/api/employers/${id}/timeline?page=9&pageSize=4`).expect(200);
    expect(beyond.body).toEqual({ items: [], total: 6, page: 9, pageSize: 4 });
    const oldest = await as(staff).get(`/api/employers/${id}/timeline?sort=at&pageSize=1`).expect(200);
    expect(oldest.body.items[0]).toMatchObject({ kind: 'activity', summary: 'oud' });
    await as(staff).get(`/api/employers/${id}/timeline?sort=kind`).expect(400);
  });

  it('should include the entries of a source another module registered', async () => {
    const id = await newEmployer();
    const sentAt = ago(5);
    testApp.app.get(TimelineSources).register({
      kind: 'message',
      sql: (employer, param) =>
        `SELECT 'message'::text, ${param(sentAt)}::timestamptz, gen_random_uuid(),
           jsonb_build_object('subject', ${param('Praktijkleren bij u?')}::text)
         WHERE ${employer}::uuid = ${param(id)}::uuid`,
    });
    const timeline = await as(staff).get(`/api/employers/${id}/timeline`).expect(200);
    expect(timeline.body.items).toEqual([
      expect.objectContaining({ kind: 'stage', to: 'prospect' }),
      { kind: 'message', at: sentAt, id: expect.any(String), subject: 'Praktijkleren bij u?' },
    ]);
    expect(() => testApp.app.get(TimelineSources).register({ kind: 'task', sql: () => '' })).toThrow();
  });

  it('should answer 404 for an employer of another region on every endpoint', async () => {
    const id = await newEmployer();
    await log(id, { type: 'call', summary: 'x' }, elsewhere).expect(404);
    await as(elsewhere).get(`/api/employers/${id}/timeline`).expect(404);
    expect(await stageOf(id)).toBe('prospect');
  });
});
