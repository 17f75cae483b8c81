import { jest } from '@jest/globals';
import request from 'supertest';
import { Clock } from '@app/core';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { authed, createUser, regionId, TestUser } from '../support/session';
import { startTestApp, TestApp } from '../support/test-app';
import {
  ensureWsp,
  eventually,
  insertEmployer,
  insertTemplateVersion,
  runningCampaign,
} from './outreach-delivery-fixtures';

const TOKEN = 'scrape-token-0123456789-abcdef';

/** The value of one sample line (`name{labels} value`) in a Prometheus text exposition; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let sender: TestUser;
  const scrape = async () =>
    (await request(testApp.app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200))
      .text;

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({
      METRICS_TOKEN: TOKEN,
      SMTP_URL: sink.url,
      INBOUND_DOMAIN: 'inbound.vliegwiel.test',
    });
    sender = await createUser(testApp, { role: 'account_manager', regionCodes: ['AM25'] });
  });

  afterAll(async () => {
    await testApp?.close();
    await sink?.close();
  });

  it('should refuse a scrape when the token is missing or wrong', async () => {
    const http = () => request(testApp.app.getHttpServer());

    await http().get('/metrics').expect(401);
    await http().get('/metrics').set('Authorization', 'Bearer wrong-token').expect(401);
    // A prefix of the right token, and the right token with one character more.
    await http()
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN.slice(0, -1)}`)
      .expect(401);
    await http().get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
    // An access token of a user is not the metrics token either.
    const refused = await http().get('/metrics').set('Authorization', `Bearer ${sender.token}`).expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('should answer Prometheus text with every queue and state when the token is right', async () => {
    const response = await request(testApp.app.getHttpServer())
      .get('/metrics')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.text).toContain('# TYPE vliegwiel_queue_jobs gauge');
    for (const queue of ['import', 'email-send', 'dispatch', 'inbound'])
      expect(response.text).toMatch(
        new RegExp(`^vliegwiel_queue_jobs\\{queue="${queue}",state="waiting"\\} \\d+$`, 'm'),
      );
    expect(response.text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('should count a served request under its route template, method and status when a request was answered', async () => {
    const series = 'http_request_duration_seconds_count{method="GET",route="/api/employers/:id",status_code="404"}';
    const before = sample(await scrape(), series);

    await authed(testApp, sender.token).get('/api/employers/00000000-0000-4000-8000-000000000000').expect(404);

    const text = await scrape();
    expect(sample(text, series)).toBe(before + 1);
    // The id never becomes a label.
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
  });

  it('should move the sent messages and the email-send job figures when a campaign sends mail', async () => {
    const am25 = await regionId(testApp, 'AM25');
    await ensureWsp(testApp, am25);
    const template = await insertTemplateVersion(testApp, am25, 'Kennismaking');
    const employer = await insertEmployer(testApp, am25, ['metrics1@one.example', 'metrics2@one.example']);
    const before = await scrape();

    await runningCampaign(testApp, {
      regionId: am25,
      senderId: sender.id,
      steps: [{ type: 'email', templateId: template, templateVersion: 1 }],
      employers: [employer],
    });
    await sink.waitFor(2, 20_000);

    let text = '';
    await eventually(
      async () => {
        text = await scrape();
        return sample(text, 'vliegwiel_jobs_completed_total{queue="email-send"}') >= 2;
      },
      15_000,
      'two completed email-send jobs in /metrics',
    );
    // The ledger figures are cached for 30 s: still the old ones now, the new ones once that has passed.
    expect(sample(text, 'vliegwiel_messages_sent')).toBe(sample(before, 'vliegwiel_messages_sent'));
    const later = jest.spyOn(testApp.app.get(Clock), 'now').mockImplementation(() => new Date(Date.now() + 31_000));
    try {
      text = await scrape();
    } finally {
      later.mockRestore();
    }
    expect(sample(text, 'vliegwiel_messages_sent')).toBe(sample(before, 'vliegwiel_messages_sent') + 2);
    expect(sample(text, 'vliegwiel_messages{status="sent"}')).toBe(
      sample(before, 'vliegwiel_messages{status="sent"}') + 2,
    );
    expect(
      sample(text, 'vliegwiel_job_duration_seconds_count{queue="email-send",outcome="completed"}'),
    ).toBeGreaterThanOrEqual(2);
  });

  it('should not exist when METRICS_TOKEN is unset', async () => {
    const plain = await startTestApp();
    try {
      await request(plain.app.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
    } finally {
      await plain.close();
    }
  });
});
