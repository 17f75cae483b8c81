import pg from 'pg';
import { SmtpSink, startSmtpSink } from '@app/testing';
import { startTestApp, TestApp } from '../support/test-app';
import {
  bySize,
  campaignDone,
  campaignFigures,
  figureLine,
  INBOUND_DOMAIN,
  pause,
  random,
  report,
  SEED,
  seedCampaign,
  until,
} from './support/chaos-campaign';

/**
 * Scenario 5 (docs/reliability.md "Faults during a campaign"): the app's PostgreSQL connections are
 * killed (`pg_terminate_backend`) at seeded random moments while a two-step campaign sends.
 */
const KILLS = bySize(10, 50);
/** The test's own connections carry this name and are spared. */
const OURS = 'vliegwiel-chaos-test';

describe('Scenario 5: PostgreSQL connections killed at random while a campaign sends', () => {
  let testApp: TestApp;
  let sink: SmtpSink;
  let db: pg.Pool;

  beforeAll(async () => {
    sink = await startSmtpSink();
    testApp = await startTestApp({ SMTP_URL: sink.url, INBOUND_DOMAIN });
    db = new pg.Pool({ connectionString: testApp.database.url, max: 3, application_name: OURS });
    db.on('error', () => undefined);
  });

  afterAll(async () => {
    await db?.end();
    await testApp?.close();
    await sink?.close();
  });

  it('should lose no state and send nothing twice when the database drops connections mid-campaign', async () => {
    const campaign = await seedCampaign(db, { contacts: bySize(80, 5000) });
    const next = random(SEED + 5);
    const started = Date.now();
    let kills = 0;
    let terminated = 0;
    while (kills < KILLS && !(await campaignDone(db, campaign.id))) {
      await pause(100 + Math.floor(next() * bySize(400, 1500)));
      const { rows } = await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> $1`,
        [OURS],
      );
      if (rows.length === 0) continue;
      // One connection per kill, picked at random: mid-claim, mid-send or idle in the pool.
      const victim = rows[Math.floor(next() * rows.length)].pid;
      const [{ ok }] = (await db.query<{ ok: boolean }>(`SELECT pg_terminate_backend($1) AS ok`, [victim])).rows;
      kills += 1;
      if (ok) terminated += 1;
    }
    await until(() => campaignDone(db, campaign.id), bySize(240_000, 1_200_000), 'the campaign to complete');
    const figures = await campaignFigures(db, campaign, sink);
    report('5 pg_terminate_backend', figureLine(figures), {
      kills,
      terminated,
      seconds: Math.round((Date.now() - started) / 1000),
    });

    expect(kills).toBeGreaterThanOrEqual(bySize(5, 30));
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.misrecorded).toBe(0);
    expect(figures.pending).toBe(0);
    expect(figures.delivered + figures.unknown).toBe(figures.expected);
  }, 1_300_000);
});
