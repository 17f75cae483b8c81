import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { campaignBody, insertSegment, insertTemplate, setStatus, UNKNOWN_ID } from './outreach-campaigns-fixtures';

// What each state does with each HTTP action; null is a 409. States past `draft` are set in SQL,
// because the launch (draft → launching → running) belongs to the sending side.
const EXPECTED: Record<string, Record<'pause' | 'resume' | 'cancel', string | null>> = {
  draft: { pause: null, resume: null, cancel: 'cancelled' },
  scheduled: { pause: null, resume: null, cancel: 'cancelled' },
  launching: { pause: null, resume: null, cancel: 'cancelled' },
  running: { pause: 'paused', resume: null, cancel: 'cancelled' },
  paused: { pause: null, resume: 'running', cancel: 'cancelled' },
  completed: { pause: null, resume: null, cancel: null },
  cancelled: { pause: null, resume: null, cancel: null },
};

const CASES = Object.entries(EXPECTED).flatMap(([from, actions]) =>
  Object.entries(actions).map(([action, to]) => [from, action, to] as const),
);

describe('Campaign state actions over HTTP', () => {
  let testApp: TestApp;
  let am25: string;
  let manager: TestUser;
  let coordinator: TestUser;
  let elsewhere: TestUser;
  let segment: string;
  let template: string;
  const as = (user: TestUser) => authed(testApp, user.token);
  const campaignIn = async (status: string) => {
    const created = await as(manager)
      .post('/api/campaigns')
      .send(campaignBody(am25, segment, template))
      .expect(201);
    if (status !== 'draft') await setStatus(testApp, created.body.id, status);
    return created.body.id as string;
  };

  beforeAll(async () => {
    // No queue workers: statuses are set by SQL here, and the dispatcher would complete a running
    // campaign without enrolments (or a launch job would move it on) while a test looks at it.
    testApp = await startTestApp({ WORKERS: 'off' });
    am25 = await regionId(testApp, 'AM25');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    segment = await insertSegment(testApp, am25);
    template = await insertTemplate(testApp, am25);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it.each(CASES)('should answer %s + %s with %p (null: 409)', async (from, action, to) => {
    const id = await campaignIn(from);
    const response = await as(manager).post(`/api/campaigns/${id}/${action}`);
    if (to === null) {
      expect(response.status).toBe(409);
      expect(response.body.message).toContain(`cannot ${action} a ${from} campaign`);
      expect((await as(manager).get(`/api/campaigns/${id}`).expect(200)).body.status).toBe(from);
    } else {
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id, status: to });
      expect((await as(manager).get(`/api/campaigns/${id}`).expect(200)).body.status).toBe(to);
    }
  });

  it('should pause, resume and cancel a running campaign in turn and audit each step', async () => {
    const id = await campaignIn('running');
    await as(manager).post(`/api/campaigns/${id}/pause`).expect(200);
    await as(manager).post(`/api/campaigns/${id}/pause`).expect(409);
    await as(coordinator).post(`/api/campaigns/${id}/resume`).expect(200);
    const cancelled = await as(manager).post(`/api/campaigns/${id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(Date.parse(cancelled.body.cancelledAt)).toBeGreaterThan(Date.now() - 60_000);
    await as(manager).post(`/api/campaigns/${id}/resume`).expect(409);

    const audit = await as(coordinator).get('/api/audit').query({ entity: 'campaign', entityId: id }).expect(200);
    const actions = (audit.body.items as { action: string; before: unknown; after: unknown }[])
      .filter((entry) => entry.action !== 'create')
      .map((entry) => [entry.action, entry.before, entry.after]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['pause', { status: 'running' }, { status: 'paused' }],
        ['resume', { status: 'paused' }, { status: 'running' }],
        ['cancel', { status: 'running' }, { status: 'cancelled' }],
      ]),
    );
    expect(actions).toHaveLength(3);
  });

  it('should answer 404 for a campaign of another region or an unknown one, and 400 for a malformed id', async () => {
    const id = await campaignIn('running');
    await as(elsewhere).post(`/api/campaigns/${id}/pause`).expect(404);
    await as(manager).post(`/api/campaigns/${UNKNOWN_ID}/cancel`).expect(404);
    await as(manager).post('/api/campaigns/nope/resume').expect(400);
    expect((await as(manager).get(`/api/campaigns/${id}`).expect(200)).body.status).toBe('running');
  });
});
