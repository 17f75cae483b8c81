import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { LaunchFixtures } from '../integration/outreach-launch-support';
import { campaignBody, insertTemplate, UNKNOWN_ID } from './outreach-campaigns-fixtures';

interface CampaignBody {
  status: string;
  launchedAt: string | null;
  steps: unknown[];
  progress: { audience: number; enrolled: number; skipped: Record<string, number> };
}

/** Launch, preview and enrolments over HTTP, with the real `campaign-launch` worker (WORKERS=inline). */
describe('Campaign launch over HTTP', () => {
  let testApp: TestApp;
  let db: DataSource;
  let fixtures: LaunchFixtures;
  let am25: string;
  let manager: TestUser;
  let staff: TestUser;
  let elsewhere: TestUser;
  let template: string;
  const as = (user: TestUser) => authed(testApp, user.token);

  /** A segment of its own tag with `employers` employers, each with one primary contact that can be mailed. */
  const audience = async (employers: number, extra: (employerId: string) => Promise<void> = async () => {}) => {
    const tag = `t-${randomBytes(4).toString('hex')}`;
    const employerIds: string[] = [];
    for (let i = 0; i < employers; i++) {
      const employerId = await fixtures.employer(am25, { tags: [tag] });
      await fixtures.contact(employerId, am25);
      await extra(employerId);
      employerIds.push(employerId);
    }
    const segmentId = await fixtures.segment(am25, { all: [{ field: 'tag', op: 'eq', value: tag }] });
    return { segmentId, employerIds };
  };
  const draft = async (segmentId: string, extra: Record<string, unknown> = {}): Promise<string> =>
    (
      await as(manager)
        .post('/api/campaigns')
        .send(campaignBody(am25, segmentId, template, extra))
        .expect(201)
    ).body.id;
  const settled = async (id: string): Promise<CampaignBody> => {
    for (let i = 0; i < 100; i++) {
      const { body } = await as(manager).get(`/api/campaigns/${id}`).expect(200);
      if (body.status !== 'launching' && body.status !== 'scheduled') return body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Campaign ${id} did not finish launching`);
  };
  const launched = async (segmentId: string, extra: Record<string, unknown> = {}) => {
    const id = await draft(segmentId, extra);
    await as(manager).post(`/api/campaigns/${id}/launch`).expect(202);
    return { id, campaign: await settled(id) };
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    fixtures = new LaunchFixtures(db);
    am25 = await regionId(testApp, 'AM25');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
    staff = await createUser(testApp, { role: 'wsp_staff', regionCodes: ['AM25'] });
    elsewhere = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM01'] });
    await fixtures.wsp(am25);
    template = await insertTemplate(testApp, am25);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('should enrol what the preview promised and report progress when the launch finishes', async () => {
    const { segmentId } = await audience(3, async (employerId) => {
      await fixtures.contact(employerId, am25, { primary: false });
    });
    const window = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '00:01' };
    const id = await draft(segmentId, { contactScope: 'all', sendWindow: window });

    const preview = (await as(manager).get(`/api/campaigns/${id}/preview`).expect(200)).body;
    const accepted = await as(manager).post(`/api/campaigns/${id}/launch`).expect(202);
    const campaign = await settled(id);

    expect(preview).toMatchObject({
      audience: 3,
      wouldEnrol: 6,
      skipped: { noEmail: 0, noBasis: 0, suppressed: 0, restricted: 0, overlap: 0 },
    });
    expect(accepted.body.status).toBe('launching');
    expect(campaign.status).toBe('running');
    expect(campaign.launchedAt).not.toBeNull();
    expect(campaign.steps[0]).toEqual({ type: 'email', templateId: template, templateVersion: 1 });
    expect(campaign.progress).toMatchObject({ audience: 3, enrolled: 6, skipped: preview.skipped });
    const list = (await as(manager).get(`/api/campaigns/${id}/enrolments?pageSize=500`).expect(200)).body;
    expect(list.total).toBe(6);
    expect(list.items[0]).toMatchObject({ status: 'active', exitReason: null, currentStep: 0 });
    expect(list.items.every((item: { nextStepAt: string }) => item.nextStepAt === preview.firstSendAt)).toBe(true);
  });

  it('should count skipped contacts alike in the preview and the launch', async () => {
    const { segmentId } = await audience(2, async (employerId) => {
      await fixtures.contact(employerId, am25, { basis: null, primary: false });
    });
    const id = await draft(segmentId, { contactScope: 'all' });
    const preview = (await as(manager).get(`/api/campaigns/${id}/preview`).expect(200)).body;

    await as(manager).post(`/api/campaigns/${id}/launch`).expect(202);
    const campaign = await settled(id);

    expect(preview).toMatchObject({ audience: 2, wouldEnrol: 2, skipped: { noBasis: 2 } });
    expect(campaign.progress).toMatchObject({ audience: 2, enrolled: 2, skipped: preview.skipped });
  });

  it('should answer a second launch with 409 and launch once when it is launched twice', async () => {
    const { segmentId } = await audience(2);
    const id = await draft(segmentId);

    const [first, second] = await Promise.all([
      as(manager).post(`/api/campaigns/${id}/launch`),
      as(manager).post(`/api/campaigns/${id}/launch`),
    ]);
    const campaign = await settled(id);

    expect([first.status, second.status].sort()).toEqual([202, 409]);
    expect(campaign.progress.enrolled).toBe(2);
    await as(manager).post(`/api/campaigns/${id}/launch`).expect(409);
    await as(manager).get(`/api/campaigns/${id}/preview`).expect(409);
  });

  it('should schedule a campaign with a future launchAt and launch it when the time comes', async () => {
    const { segmentId } = await audience(1);
    const launchAt = new Date(Date.now() + 2500).toISOString();
    const id = await draft(segmentId, { launchAt, sendWindow: null });

    const accepted = await as(manager).post(`/api/campaigns/${id}/launch`).expect(202);
    const preview = (await as(manager).get(`/api/campaigns/${id}/preview`).expect(200)).body;
    const campaign = await settled(id);

    expect(accepted.body.status).toBe('scheduled');
    expect(preview.firstSendAt).toBe(launchAt);
    expect(campaign.status).toBe('running');
    expect(new Date(campaign.launchedAt!).getTime()).toBeGreaterThanOrEqual(new Date(launchAt).getTime());
    expect(campaign.progress.enrolled).toBe(1);
  });

  it('should refuse the launch with 409 when the segment or the wsp of the region is missing', async () => {
    const { segmentId } = await audience(1);
    const noSegment = await draft(segmentId);
    await db.query(`DELETE FROM segments WHERE id = $1`, [segmentId]);
    const am02 = await regionId(testApp, 'AM02');
    const coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM02'] });
    const otherSegment = await fixtures.segment(am02, { all: [] });
    const otherTemplate = await insertTemplate(testApp, am02);
    const noWsp = (
      await as(coordinator)
        .post('/api/campaigns')
        .send(campaignBody(am02, otherSegment, otherTemplate))
        .expect(201)
    ).body.id;

    const segmentGone = await as(manager).post(`/api/campaigns/${noSegment}/launch`).expect(409);
    const wspGone = await as(coordinator).post(`/api/campaigns/${noWsp}/launch`).expect(409);

    expect(segmentGone.body.message).toContain('segment');
    expect(wspGone.body.message).toContain('wsp');
    expect((await as(manager).get(`/api/campaigns/${noSegment}`).expect(200)).body.status).toBe('draft');
  });

  it('should refuse the launch with 409 when an e-mail step names a template that no longer exists', async () => {
    const own = await insertTemplate(testApp, am25);
    const id = (
      await as(manager)
        .post('/api/campaigns')
        .send(
          campaignBody(am25, (await audience(1)).segmentId, template, { steps: [{ type: 'email', templateId: own }] }),
        )
        .expect(201)
    ).body.id;
    await db.query(`DELETE FROM templates WHERE id = $1`, [own]);

    const response = await as(manager).post(`/api/campaigns/${id}/launch`).expect(409);

    expect(response.body.message).toContain('template');
  });

  it('should list enrolments by status and exit one as removed when it is deleted', async () => {
    const { id } = await launched((await audience(2)).segmentId);
    const [first, second] = (await as(manager).get(`/api/campaigns/${id}/enrolments`).expect(200)).body.items;

    await as(staff).delete(`/api/campaigns/${id}/enrolments/${first.contactId}`).expect(403);
    await as(manager).delete(`/api/campaigns/${id}/enrolments/${first.contactId}`).expect(204);
    await as(manager).delete(`/api/campaigns/${id}/enrolments/${UNKNOWN_ID}`).expect(404);
    await as(manager).delete(`/api/campaigns/${id}/enrolments/not-a-uuid`).expect(400);

    const exited = (await as(staff).get(`/api/campaigns/${id}/enrolments?status=exited`).expect(200)).body;
    expect(exited.items).toEqual([
      expect.objectContaining({ contactId: first.contactId, exitReason: 'removed', nextStepAt: null }),
    ]);
    const active = (await as(manager).get(`/api/campaigns/${id}/enrolments?status=active`).expect(200)).body;
    expect(active.items.map((item: { contactId: string }) => item.contactId)).toEqual([second.contactId]);
    await as(manager).get(`/api/campaigns/${id}/enrolments?status=gone`).expect(400);

    await as(manager).delete(`/api/campaigns/${id}/enrolments/${second.contactId}`).expect(204);
    const campaign = (await as(manager).get(`/api/campaigns/${id}`).expect(200)).body;
    expect(campaign.status).toBe('completed');
    expect(campaign.progress.enrolled).toBe(2);
  });

  it('should name each enrolled contact with its address, and neither once the person is erased', async () => {
    const { id } = await launched((await audience(2)).segmentId);
    const [first, second] = (await as(manager).get(`/api/campaigns/${id}/enrolments`).expect(200)).body.items;
    const [stored]: { email: string }[] = await db.query(`SELECT email FROM contacts WHERE id = $1`, [first.contactId]);

    await db.query(`UPDATE contacts SET last_name = '[gewist]', email = NULL WHERE id = $1`, [second.contactId]);
    await db.query(`INSERT INTO contact_privacy (contact_id, region_id, erased_at) VALUES ($1, $2, now())`, [
      second.contactId,
      am25,
    ]);
    const items = (await as(staff).get(`/api/campaigns/${id}/enrolments`).expect(200)).body.items;

    expect(first).toMatchObject({ contactName: 'Jansen', email: stored.email });
    expect(items).toEqual([
      expect.objectContaining({ contactId: first.contactId, contactName: 'Jansen', email: stored.email }),
      expect.objectContaining({ contactId: second.contactId, status: 'active', contactName: null, email: null }),
    ]);
  });

  it('should pause and resume with enrolments kept, and exit them all as cancelled when cancelled', async () => {
    const { id } = await launched((await audience(2)).segmentId);

    await as(manager).post(`/api/campaigns/${id}/pause`).expect(200);
    const paused = (await as(manager).get(`/api/campaigns/${id}/enrolments?status=active`).expect(200)).body;
    await as(manager).post(`/api/campaigns/${id}/resume`).expect(200);
    const cancelled = (await as(manager).post(`/api/campaigns/${id}/cancel`).expect(200)).body;

    expect(paused.total).toBe(2);
    expect(cancelled.status).toBe('cancelled');
    const items = (await as(manager).get(`/api/campaigns/${id}/enrolments`).expect(200)).body.items;
    expect(items.map((item: { exitReason: string }) => item.exitReason)).toEqual(['cancelled', 'cancelled']);
  });

  it('should exit the employer enrolment as stage_reached when the employer is moved to the exit stage', async () => {
    const { segmentId, employerIds } = await audience(2);
    const { id } = await launched(segmentId);

    await as(manager).post(`/api/employers/${employerIds[0]}/stage`).send({ stage: 'interested' }).expect(200);

    const exited = (await as(manager).get(`/api/campaigns/${id}/enrolments?status=exited`).expect(200)).body.items;
    expect(exited).toEqual([expect.objectContaining({ employerId: employerIds[0], exitReason: 'stage_reached' })]);
  });

  it('should hide campaigns of other regions and refuse the launch to wsp staff', async () => {
    const id = await draft((await audience(1)).segmentId);

    await as(staff).post(`/api/campaigns/${id}/launch`).expect(403);
    await as(elsewhere).post(`/api/campaigns/${id}/launch`).expect(404);
    await as(elsewhere).get(`/api/campaigns/${id}/preview`).expect(404);
    await as(elsewhere).get(`/api/campaigns/${id}/enrolments`).expect(404);
    await as(elsewhere).delete(`/api/campaigns/${id}/enrolments/${UNKNOWN_ID}`).expect(404);
    await as(manager).post(`/api/campaigns/${UNKNOWN_ID}/launch`).expect(404);
    await as(manager).post(`/api/campaigns/not-a-uuid/launch`).expect(400);
    await as(staff).get(`/api/campaigns/${id}/preview`).expect(200);
    expect((await as(manager).get(`/api/campaigns/${id}`).expect(200)).body.status).toBe('draft');
  });
});
