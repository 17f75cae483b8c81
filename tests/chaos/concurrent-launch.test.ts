import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { createUser, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import {
  bySize,
  campaignDone,
  campaignFigures,
  figureLine,
  INBOUND_DOMAIN,
  report,
  seedAudience,
  until,
} from './support/chaos-campaign';

/** Scenario 8 (docs/reliability.md "Faults during a campaign"): a launch button pressed 100 times at once. */
const REQUESTS = 100;
const CONTACTS = bySize(30, 500);

describe('Scenario 8: 100 concurrent identical launch requests', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let db: pg.Pool;
  let manager: TestUser;
  let baseUrl: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN });
    await testApp.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
    db = new pg.Pool({ connectionString: testApp.database.url, max: 3 });
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
  });

  afterAll(async () => {
    await db?.end();
    await testApp?.close();
    await sink?.close();
  });

  it('should launch once and send one set of messages when the same launch arrives 100 times at once', async () => {
    const tag = `l${randomBytes(3).toString('hex')}`;
    const [{ id: regionId }] = (await db.query(`SELECT id FROM regions WHERE code = 'AM25'`)).rows;
    await db.query(
      `INSERT INTO organisations (region_id, kind, name, postal_address, email)
       VALUES ($1, 'wsp', 'WSP Testregio', 'Postbus 12, 1000 AA Amsterdam', 'wsp@wsp.example') ON CONFLICT DO NOTHING`,
      [regionId],
    );
    const domain = await seedAudience(db, regionId, CONTACTS, tag);
    const [{ id: segmentId }] = (
      await db.query(`INSERT INTO segments (region_id, name, filter) VALUES ($1, $2, $3::jsonb) RETURNING id`, [
        regionId,
        `Segment ${tag}`,
        JSON.stringify({ all: [{ field: 'tag', op: 'eq', value: tag }] }),
      ])
    ).rows;
    const [{ template_id: templateId }] = (
      await db.query(
        `WITH t AS (INSERT INTO templates (region_id, name) VALUES ($1, $2) RETURNING id)
         INSERT INTO template_versions (template_id, version, subject, html)
         SELECT id, 1, 'Welkom', '<p>Beste {{contact.firstName}},</p>' FROM t RETURNING template_id`,
        [regionId, `Template ${tag}`],
      )
    ).rows;
    const headers = { authorization: `Bearer ${manager.token}`, 'content-type': 'application/json' };
    const created = await fetch(`${baseUrl}/api/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: `Campagne ${tag}`,
        regionId,
        segmentId,
        sendWindow: null,
        steps: [
          { type: 'email', templateId },
          { type: 'wait', duration: 'PT2S', calendar: 'calendar-days' },
          { type: 'email', templateId },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const campaignId = ((await created.json()) as { id: string }).id;

    const statuses = await Promise.all(
      Array.from({ length: REQUESTS }, () =>
        fetch(`${baseUrl}/api/campaigns/${campaignId}/launch`, { method: 'POST', headers }).then(
          async (response) => (await response.arrayBuffer(), response.status),
        ),
      ),
    );
    await until(() => campaignDone(db, campaignId), bySize(120_000, 600_000), 'the campaign to complete');
    const figures = await campaignFigures(
      db,
      { id: campaignId, regionId, contacts: CONTACTS, domain, emailSteps: [0, 2] },
      sink,
    );
    const [{ n: enrolments }] = (
      await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM enrolments WHERE campaign_id = $1`, [campaignId])
    ).rows;
    const [{ n: launches }] = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'launch'`,
        [campaignId],
      )
    ).rows;
    const accepted = statuses.filter((status) => status === 202).length;
    const refused = statuses.filter((status) => status === 409).length;
    report('8 concurrent launch', figureLine(figures), { requests: REQUESTS, accepted, refused, enrolments, launches });

    expect(accepted).toBe(1);
    expect(refused).toBe(REQUESTS - 1);
    expect(launches).toBe(1);
    expect(enrolments).toBe(CONTACTS);
    expect(figures.expected).toBe(CONTACTS * 2);
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.delivered).toBe(CONTACTS * 2);
    expect(sink.messages).toHaveLength(CONTACTS * 2);
  }, 700_000);
});
