import { randomBytes } from 'node:crypto';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import { ensureWsp, eventually, insertEmployer, insertTemplateVersion, query } from './outreach-delivery-fixtures';

/** The whole pipeline over HTTP: create, launch (helper L's launch), dispatch, send, figures. */
describe('A launched campaign delivers over SMTP', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let am25: string;
  let manager: TestUser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN: 'inbound.vliegwiel.test' });
    am25 = await regionId(testApp, 'AM25');
    manager = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'], name: 'Anna de Vries' });
    await ensureWsp(testApp, am25);
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should send both e-mails of a two-step campaign once to every enrolled contact and complete it', async () => {
    const tag = `d-${randomBytes(4).toString('hex')}`;
    const employers = await Promise.all(
      ['l1@launch.example', 'l2@launch.example', 'l3@launch.example'].map((email) =>
        insertEmployer(testApp, am25, [email]),
      ),
    );
    await query(testApp, `UPDATE organisations SET tags = ARRAY[$1] WHERE id = ANY($2::uuid[])`, [
      tag,
      employers.map((e) => e.employerId),
    ]);
    const [{ id: segmentId }] = await query<{ id: string }>(
      testApp,
      `INSERT INTO segments (region_id, name, filter) VALUES ($1, $2, $3::jsonb) RETURNING id`,
      [am25, `Segment ${tag}`, JSON.stringify({ all: [{ field: 'tag', op: 'eq', value: tag }] })],
    );
    const welcome = await insertTemplateVersion(testApp, am25, 'Welkom');
    const reminder = await insertTemplateVersion(testApp, am25, 'Nogmaals');
    const api = authed(testApp, manager.token);
    const created = await api
      .post('/api/campaigns')
      .send({
        name: `Campagne ${tag}`,
        regionId: am25,
        segmentId,
        sendWindow: null,
        steps: [
          { type: 'email', templateId: welcome },
          { type: 'wait', duration: 'PT1S', calendar: 'calendar-days' },
          { type: 'email', templateId: reminder },
        ],
      })
      .expect(201);
    await api.post(`/api/campaigns/${created.body.id}/launch`).expect(202);
    await eventually(
      async () => (await api.get(`/api/campaigns/${created.body.id}`)).body.status === 'completed',
      30_000,
      'campaign completed',
    );
    for (const address of ['l1@launch.example', 'l2@launch.example', 'l3@launch.example']) {
      const subjects = sink.messages.filter((m) => m.envelope.rcptTo[0] === address).map((m) => m.parsed.subject);
      expect(subjects.sort()).toEqual(['Nogmaals', 'Welkom']);
    }
    const { body } = await api.get(`/api/campaigns/${created.body.id}`).expect(200);
    expect(body.progress).toMatchObject({ audience: 3, enrolled: 3, waitingForPressure: 0 });
    expect(body.stats).toMatchObject({ sent: 6, bounced: 0, exited: 0 });
  }, 45_000);
});
