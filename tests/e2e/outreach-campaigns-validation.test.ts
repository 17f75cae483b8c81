import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { campaignBody, insertSegment, insertTemplate, UNKNOWN_ID } from './outreach-campaigns-fixtures';

describe('Campaign validation over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let am01: string;
  let manager: TestUser;
  let segment: string;
  let template: string;
  const as = (user: TestUser) => authed(testApp, user.token);
  const body = (extra: Record<string, unknown> = {}) => campaignBody(am25, segment, template, extra);
  const email = () => ({ type: 'email', templateId: template });

  beforeAll(async () => {
    testApp = await startTestApp();
    am25 = await regionId(testApp, 'AM25');
    am01 = await regionId(testApp, 'AM01');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    segment = await insertSegment(testApp, am25);
    template = await insertTemplate(testApp, am25);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  const invalid: [string, () => Record<string, unknown>, string][] = [
    ['no name', () => ({ ...body(), name: undefined }), 'name'],
    ['a blank name', () => body({ name: '   ' }), 'name'],
    ['no region', () => ({ ...body(), regionId: undefined }), 'regionId'],
    ['a malformed region id', () => body({ regionId: 'AM25' }), 'regionId'],
    ['no segment', () => ({ ...body(), segmentId: undefined }), 'segmentId'],
    ['a malformed segment id', () => body({ segmentId: '42' }), 'segmentId'],
    ['a malformed sender id', () => body({ senderId: 'me' }), 'senderId'],
    ['no steps', () => ({ ...body(), steps: undefined }), 'steps'],
    ['an empty step list', () => body({ steps: [] }), 'steps'],
    ['steps that are not a list', () => body({ steps: { type: 'email' } }), 'steps'],
    ['a wait as first step', () => body({ steps: [{ type: 'wait', duration: 'P1D' }, email()] }), 'steps[0].type'],
    ['an unknown step type', () => body({ steps: [email(), { type: 'sms' }] }), 'steps[1].type'],
    ['a malformed template id', () => body({ steps: [{ type: 'email', templateId: 'x' }] }), 'steps[0].templateId'],
    ['a malformed duration', () => body({ steps: [email(), { type: 'wait', duration: '3d' }] }), 'steps[1].duration'],
    ['a zero duration', () => body({ steps: [email(), { type: 'wait', duration: 'P0D' }] }), 'steps[1].duration'],
    [
      'a duration over a year',
      () => body({ steps: [email(), { type: 'wait', duration: 'P2Y' }] }),
      'steps[1].duration',
    ],
    [
      'an unknown calendar',
      () => body({ steps: [email(), { type: 'wait', duration: 'P1D', calendar: 'weekdays' }] }),
      'steps[1].calendar',
    ],
    [
      'a task without title',
      () => body({ steps: [email(), { type: 'wait', duration: 'P1D' }, { type: 'task' }] }),
      'steps[2].title',
    ],
    ['an unknown step field', () => body({ steps: [{ ...email(), subject: 'Hoi' }] }), 'steps[0].subject'],
    ['an unknown contact scope', () => body({ contactScope: 'everyone' }), 'contactScope'],
    ['prospect as exit stage', () => body({ exitStage: 'prospect' }), 'exitStage'],
    [
      'send days out of range',
      () => body({ sendWindow: { days: [0], from: '09:00', to: '17:00' } }),
      'sendWindow.days',
    ],
    ['repeated send days', () => body({ sendWindow: { days: [1, 1], from: '09:00', to: '17:00' } }), 'sendWindow.days'],
    ['a malformed window start', () => body({ sendWindow: { days: [1], from: '9', to: '17:00' } }), 'sendWindow.from'],
    [
      'a window ending before it starts',
      () => body({ sendWindow: { days: [1], from: '17:00', to: '09:00' } }),
      'sendWindow.to',
    ],
    ['a zero hourly cap', () => body({ maxPerHour: 0 }), 'maxPerHour'],
    ['an hourly cap as text', () => body({ maxPerHour: '100' }), 'maxPerHour'],
    ['a launch time in the past', () => body({ launchAt: '2020-01-01T09:00:00+01:00' }), 'launchAt'],
    ['a launch time without offset', () => body({ launchAt: '2099-01-01T09:00:00' }), 'launchAt'],
    ['an unknown field', () => body({ priority: 'high' }), 'priority'],
  ];

  it.each(invalid)('should answer 400 naming the field when the body has %s', async (_case, make, field) => {
    const response = await as(manager).post('/api/campaigns').send(make()).expect(400);
    expect(response.body.details).toContainEqual({ field, problem: expect.any(String) });
  });

  it('should name every invalid field at once', async () => {
    const response = await as(manager)
      .post('/api/campaigns')
      .send(body({ name: '', steps: [email(), { type: 'wait', duration: 'P1W' }], maxPerHour: -1 }))
      .expect(400);
    expect((response.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(
      ['maxPerHour', 'name', 'steps[1].duration'].sort(),
    );
  });

  it('should accept a national template and a template of the campaign’s region', async () => {
    const national = await insertTemplate(testApp, null);
    await as(manager)
      .post('/api/campaigns')
      .send(body({ steps: [{ type: 'email', templateId: national }, { type: 'wait', duration: 'PT2S' }, email()] }))
      .expect(201);
  });

  it('should answer 404 when a template belongs to another region or does not exist', async () => {
    const foreign = await insertTemplate(testApp, am01);
    for (const templateId of [foreign, UNKNOWN_ID]) {
      const response = await as(manager)
        .post('/api/campaigns')
        .send(body({ steps: [email(), { type: 'wait', duration: 'P1D' }, { type: 'email', templateId }] }))
        .expect(404);
      expect(response.body.message).toContain('template');
    }
  });

  it('should answer 404 when the segment belongs to another region or does not exist', async () => {
    for (const segmentId of [await insertSegment(testApp, am01), UNKNOWN_ID]) {
      const response = await as(manager).post('/api/campaigns').send(body({ segmentId })).expect(404);
      expect(response.body.message).toContain('segment');
    }
  });

  it('should answer 404 before 400 when the region is outside the caller’s regions', async () => {
    const response = await as(manager)
      .post('/api/campaigns')
      .send({ ...body({ name: '' }), regionId: am01 })
      .expect(404);
    expect(response.body.message).toContain('region');
  });

  it('should answer 404 when the sender does not work in the region', async () => {
    const outsider = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM01'] });
    for (const senderId of [outsider.id, UNKNOWN_ID]) {
      await as(manager).post('/api/campaigns').send(body({ senderId })).expect(404);
    }
  });

  it('should answer 400 on senderId when the sender is wsp_staff or disabled', async () => {
    const staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    const gone = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    await testApp.app.get(DataSource).query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [gone.id]);
    for (const senderId of [staff.id, gone.id]) {
      const response = await as(manager).post('/api/campaigns').send(body({ senderId })).expect(400);
      expect(response.body.details).toEqual([{ field: 'senderId', problem: expect.any(String) }]);
    }
    const colleague = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    const created = await as(manager)
      .post('/api/campaigns')
      .send(body({ senderId: colleague.id }))
      .expect(201);
    expect(created.body.senderId).toBe(colleague.id);
  });

  it('should check a patch the same way, naming the field path', async () => {
    const created = await as(manager).post('/api/campaigns').send(body()).expect(201);
    const path = `/api/campaigns/${created.body.id}`;
    const steps = await as(manager)
      .patch(path)
      .send({ steps: [email(), { type: 'wait', duration: 'PT' }] })
      .expect(400);
    expect(steps.body.details).toEqual([{ field: 'steps[1].duration', problem: expect.any(String) }]);
    await as(manager)
      .patch(path)
      .send({ steps: [{ type: 'email', templateId: await insertTemplate(testApp, am01) }] })
      .expect(404);
    await as(manager)
      .patch(path)
      .send({ segmentId: await insertSegment(testApp, am01) })
      .expect(404);
    const window = await as(manager)
      .patch(path)
      .send({ sendWindow: { days: [1], from: '09:00' } })
      .expect(400);
    expect(window.body.details).toEqual([{ field: 'sendWindow.to', problem: expect.any(String) }]);
    const unchanged = await as(manager).get(path).expect(200);
    expect(unchanged.body.steps).toEqual(created.body.steps);
  });
});
