import { DataSource } from 'typeorm';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { insertEmployer, insertTemplateVersion } from './outreach-delivery-fixtures';

const MAILED = '2026-03-01T09:00:00Z'; // every employer's first campaign e-mail

/**
 * AM25 campaign, steps [0 email T1 v1, 1 wait, 2 email T2 v1, 3 task], exit stage `interested`;
 * launch counters: audience 5, skipped noEmail 1, suppressed 1, overlap 1. Employers A (contacts a1, a2), B (b1),
 * C (c1), D (d1); five enrolments. Ledger:
 *   step 0: a1 sent, a2 bounced, b1 sent, c1 sent, d1 blocked → sent 3, bounced 1, blocked 1 (attempted 5)
 *   step 2: a1 sent, b1 blocked                          → sent 1, blocked 1 (attempted 2)
 * Inbound: two replies to a1's step-0 message (one ledger row → replied 1), an auto-reply to c1's (not a reply),
 *   one reply to a1's step-2 message → step 0 replied 1 (1/3 = 0.3333), step 2 replied 1 (1/1).
 * Exits: a1 unsubscribed (last sent = step 2), b1 unsubscribed (step 2 was blocked: last sent = step 0),
 *   a2 bounced, d1 suppressed, c1 still active → step 0 unsubscribed 1 (0.3333), step 2 unsubscribed 1 (1).
 * Converted (exit stage or later within 30 days of the first e-mail): A → interested 03-20 (yes),
 *   B → contacted 03-20 (below the exit stage), C → sw_pilot 02-20 (before the first e-mail), D → interested
 *   03-20 but never mailed → employers mailed 3 (A, B, C), converted 1 (0.3333).
 */
describe('Campaign results report over HTTP', () => {
  let testApp: TestApp;
  let db: DataSource;
  let coordinator: TestUser;
  let admin: TestUser;
  let campaignId: string;
  let otherCampaignId: string;
  let t1: string;
  let t2: string;
  const as = (user: TestUser) => authed(testApp, user.token);

  async function campaign(region: string, senderId: string, steps: object[]): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO campaigns (region_id, name, sender_id, steps, status, launched_at, audience, skipped_no_email,
                              skipped_suppressed, skipped_overlap)
       VALUES ($1, 'Voorjaar', $2, $3::jsonb, 'completed', $4, 5, 1, 1, 1) RETURNING id`,
      [region, senderId, JSON.stringify(steps), MAILED],
    );
    return row.id;
  }

  async function enrol(contactId: string, employerId: string, region: string): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, status, current_step)
       VALUES ($1, $2, $3, $4, 'completed', 4) RETURNING id`,
      [campaignId, contactId, employerId, region],
    );
    return row.id;
  }

  async function ledger(enrolmentId: string, contactId: string, step: number, status: string): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO send_ledger (enrolment_id, campaign_id, step_index, contact_id, status, due_at, sent_at)
       VALUES ($1, $2, $3::int, $4, $5::text, $6::timestamptz + $3::int * interval '1 day', CASE WHEN $5::text = 'sent'
               THEN $6::timestamptz + $3::int * interval '1 day' END) RETURNING id`,
      [enrolmentId, campaignId, step, contactId, status, MAILED],
    );
    return row.id;
  }

  async function inbound(ledgerId: string, kind: string): Promise<void> {
    await db.query(
      `INSERT INTO inbound_messages (ledger_id, campaign_id, kind, envelope_to, raw, received_at, processed_at)
       VALUES ($1, $2, $3, 'reply@test.example', '\\x00'::bytea, now(), now())`,
      [ledgerId, campaignId, kind],
    );
  }

  async function exit(enrolmentId: string, reason: string): Promise<void> {
    await db.query(`UPDATE enrolments SET status = 'exited', exit_reason = $2, exited_at = now() WHERE id = $1`, [
      enrolmentId,
      reason,
    ]);
  }

  async function stage(employerId: string, region: string, to: string, at: string): Promise<void> {
    await db.query(
      `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause)
       VALUES ($1, $2, 'prospect', $3, $4, 'manual')`,
      [employerId, region, to, at],
    );
  }

  beforeAll(async () => {
    testApp = await startTestApp();
    db = testApp.app.get(DataSource);
    const am25 = await regionId(testApp, 'AM25');
    const am01 = await regionId(testApp, 'AM01');
    coordinator = await createUser(testApp, { role: 'coordinator', regionCodes: ['AM25'] });
    admin = await createUser(testApp, { role: 'admin' });
    const sender = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25', 'AM01'] });
    t1 = await insertTemplateVersion(testApp, am25, 'Eerste mail');
    t2 = await insertTemplateVersion(testApp, am25, 'Herinnering');
    campaignId = await campaign(am25, sender.id, [
      { type: 'email', templateId: t1, templateVersion: 1 },
      { type: 'wait', duration: 'P7D', calendar: 'days' },
      { type: 'email', templateId: t2, templateVersion: 1 },
      { type: 'task', title: 'Bellen' },
    ]);
    otherCampaignId = await campaign(am01, sender.id, [{ type: 'email', templateId: t1, templateVersion: 1 }]);

    const a = await insertEmployer(testApp, am25, ['a1@a.example', 'a2@a.example']);
    const b = await insertEmployer(testApp, am25, ['b1@b.example']);
    const c = await insertEmployer(testApp, am25, ['c1@c.example']);
    const d = await insertEmployer(testApp, am25, ['d1@d.example']);
    const [a1, a2] = [
      await enrol(a.contactIds[0], a.employerId, am25),
      await enrol(a.contactIds[1], a.employerId, am25),
    ];
    const b1 = await enrol(b.contactIds[0], b.employerId, am25);
    const c1 = await enrol(c.contactIds[0], c.employerId, am25);
    const d1 = await enrol(d.contactIds[0], d.employerId, am25);

    const a1Step0 = await ledger(a1, a.contactIds[0], 0, 'sent');
    await ledger(a2, a.contactIds[1], 0, 'bounced');
    await ledger(b1, b.contactIds[0], 0, 'sent');
    const c1Step0 = await ledger(c1, c.contactIds[0], 0, 'sent');
    await ledger(d1, d.contactIds[0], 0, 'blocked');
    const a1Step2 = await ledger(a1, a.contactIds[0], 2, 'sent');
    await ledger(b1, b.contactIds[0], 2, 'blocked');

    await inbound(a1Step0, 'reply');
    await inbound(a1Step0, 'reply');
    await inbound(c1Step0, 'auto_reply');
    await inbound(a1Step2, 'reply');

    await exit(a1, 'unsubscribed');
    await exit(b1, 'unsubscribed');
    await exit(a2, 'bounced');
    await exit(d1, 'suppressed');
    await db.query(`UPDATE enrolments SET status = 'active', current_step = 1 WHERE id = $1`, [c1]);

    await stage(a.employerId, am25, 'interested', '2026-03-20T10:00:00Z');
    await stage(b.employerId, am25, 'contacted', '2026-03-20T10:00:00Z');
    await stage(c.employerId, am25, 'sw_pilot', '2026-02-20T10:00:00Z');
    await stage(d.employerId, am25, 'interested', '2026-03-20T10:00:00Z');
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('should count each e-mail step and the campaign totals when the campaign is in the caller region', async () => {
    const res = await as(coordinator).get(`/api/reports/campaigns/${campaignId}`).expect(200);
    expect(res.body.steps).toEqual([
      {
        step: 0,
        templateId: t1,
        templateVersion: 1,
        sent: 3,
        bounced: 1,
        blocked: 1,
        replied: 1,
        unsubscribed: 1,
        bounceRate: 0.2,
        blockRate: 0.2,
        replyRate: 0.3333,
        unsubscribeRate: 0.3333,
      },
      {
        step: 2,
        templateId: t2,
        templateVersion: 1,
        sent: 1,
        bounced: 0,
        blocked: 1,
        replied: 1,
        unsubscribed: 1,
        bounceRate: 0,
        blockRate: 0.5,
        replyRate: 1,
        unsubscribeRate: 1,
      },
    ]);
    expect(res.body).toMatchObject({
      campaignId,
      audience: 5,
      enrolled: 5,
      skipped: { noEmail: 1, noBasis: 0, suppressed: 1, restricted: 0, overlap: 1 },
      employersMailed: 3,
      converted: 1,
      conversionRate: 0.3333,
    });
    expect(res.body.exited).toEqual({
      replied: 0,
      unsubscribed: 2,
      bounced: 1,
      stage_reached: 0,
      not_interested: 0,
      paused: 0,
      suppressed: 1,
      restricted: 0,
      removed: 0,
      cancelled: 0,
      total: 4,
    });
  });

  it('should agree with the campaign detail on converted when both are asked', async () => {
    const detail = await as(coordinator).get(`/api/campaigns/${campaignId}`).expect(200);
    expect(detail.body.stats.converted).toBe(1);
  });

  it('should answer CSV when asked by Accept or by the .csv suffix', async () => {
    const byAccept = await as(coordinator)
      .get(`/api/reports/campaigns/${campaignId}`)
      .set('Accept', 'text/csv')
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const byPath = await as(coordinator).get(`/api/reports/campaigns/${campaignId}.csv`).expect(200);
    expect(byPath.text).toBe(byAccept.text);
    const lines = byAccept.text.trim().split('\n');
    expect(lines[0]).toBe('group,key,step,count,rate');
    expect(lines).toContain('step,replied,0,1,0.3333');
    expect(lines).toContain('step,unsubscribed,2,1,1');
    expect(lines).toContain('exited,unsubscribed,,2,');
    expect(lines).toContain('campaign,converted,,1,0.3333');
  });

  it('should answer 404 when the campaign lies outside the caller regions or does not exist', async () => {
    await as(coordinator).get(`/api/reports/campaigns/${otherCampaignId}`).expect(404);
    await as(coordinator).get(`/api/reports/campaigns/00000000-0000-4000-8000-000000000000`).expect(404);
    const res = await as(admin).get(`/api/reports/campaigns/${otherCampaignId}`).expect(200);
    expect(res.body.steps).toEqual([
      expect.objectContaining({ step: 0, sent: 0, replyRate: null, bounceRate: null, unsubscribeRate: null }),
    ]);
    expect(res.body.conversionRate).toBeNull();
  });

  it('should answer 400 when the id is malformed', async () => {
    await as(coordinator).get('/api/reports/campaigns/not-a-uuid').expect(400);
  });
});
