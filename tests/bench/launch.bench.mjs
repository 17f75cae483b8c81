// Benchmark a: launching a campaign to many contacts. Ours = POST /api/campaigns/:id/launch on the built api
// (202, then the campaign-launch job streams the segment in keyset batches and enrols each batch in one
// statement) until the campaign is `running`; raw = one hand-written INSERT … SELECT of the same enrolments.
import { performance } from 'node:perf_hooks';
import {
  assert,
  compare,
  int,
  memoryOf,
  range,
  ratio,
  redisSampler,
  REDIS_URL,
  require,
  rssSampler,
  sleep,
  until,
  yesNo,
} from './lib/harness.mjs';

const mb = (bytes) => (bytes / 1048576).toFixed(1);

const FILTER = { all: [{ field: 'stage', op: 'in', value: ['prospect', 'contacted'] }] };

/** A send window 12 hours away from now (Amsterdam), so no dispatcher sends while we time the launches. */
export function closedWindow(now = new Date()) {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Amsterdam' }).format(now),
  );
  const from = (hour + 12) % 24;
  const pad = (h) => String(h).padStart(2, '0');
  return { days: [1, 2, 3, 4, 5, 6, 7], from: `${pad(from)}:00`, to: `${pad(from + 1)}:00` };
}

/** A region with a WSP, a template and `contacts` employers with one e-mailable primary contact each. */
export async function seedAudience(db, code, contacts, domain) {
  const [{ id: regionId }] = await db.query(`SELECT id FROM regions WHERE code = $1`, [code]);
  await db.query(
    `INSERT INTO organisations (region_id, kind, name, postal_address, email)
     VALUES ($1, 'wsp', 'WSP ' || $2, 'Postbus 1, 1000 AA Amsterdam', 'wsp@wsp.example') ON CONFLICT DO NOTHING`,
    [regionId, code],
  );
  await db.query(
    `INSERT INTO organisations (region_id, kind, name, kvk_number, city, stage)
     SELECT $1, 'employer', 'Bedrijf ' || g, lpad((50000000 + g)::text, 8, '0'), 'Den Haag',
            CASE WHEN g % 2 = 0 THEN 'prospect' ELSE 'contacted' END
     FROM generate_series(1, $2::int) g`,
    [regionId, contacts],
  );
  await db.query(
    `INSERT INTO contacts (organisation_id, region_id, first_name, last_name, email, is_primary, email_basis, email_basis_at)
     SELECT o.id, o.region_id, 'Piet', 'Jansen ' || o.kvk_number, 'c' || o.kvk_number || '@' || $2, TRUE,
            'existing_relationship', now()
     FROM organisations o WHERE o.region_id = $1 AND o.kind = 'employer'`,
    [regionId, domain],
  );
  const [template] = await db.query(
    `WITH t AS (INSERT INTO templates (region_id, name) VALUES ($1, 'Bench ' || $2) RETURNING id)
     INSERT INTO template_versions (template_id, version, subject, html)
     SELECT id, 1, 'Praktijkleren bij {{employer.name}}',
            '<p>Beste {{contact.firstName}},</p><p>Wij zoeken werkgevers zoals {{employer.name}} in {{employer.city}} voor praktijkleren.</p>'
     FROM t RETURNING template_id`,
    [regionId, code],
  );
  await db.query(`VACUUM ANALYZE`);
  return { regionId, templateId: template.template_id, contacts };
}

export async function adminId(db) {
  const [row] = await db.query(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
  return row.id;
}

export async function createSegment(db, regionId, name, filter = FILTER) {
  const [row] = await db.query(
    `INSERT INTO segments (region_id, name, filter) VALUES ($1, $2, $3::jsonb) RETURNING id`,
    [regionId, name, JSON.stringify(filter)],
  );
  return row.id;
}

export async function draftCampaign(
  db,
  { regionId, segmentId, senderId, templateId, sendWindow, maxPerHour = null, name },
) {
  const [row] = await db.query(
    `INSERT INTO campaigns (region_id, name, segment_id, sender_id, steps, send_window, max_per_hour)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7) RETURNING id`,
    [
      regionId,
      name,
      segmentId,
      senderId,
      JSON.stringify([{ type: 'email', templateId }]),
      sendWindow ? JSON.stringify(sendWindow) : null,
      maxPerHour,
    ],
  );
  return row.id;
}

/** POST /launch, then waits until the job has enrolled everyone; returns the 202's latency and the total. */
export async function launchAndWait(api, db, campaignId, timeoutMs = 30 * 60_000) {
  const started = performance.now();
  const response = await api.request('POST', `/api/campaigns/${campaignId}/launch`);
  const answeredMs = performance.now() - started;
  assert(response.status === 202, `launch ${response.status} ${response.text}`);
  await until(
    async () => {
      const [row] = await db.query(`SELECT status FROM campaigns WHERE id = $1`, [campaignId]);
      return row.status === 'running' || row.status === 'completed';
    },
    timeoutMs,
    'the launch to finish',
    10,
  );
  return { answeredMs, totalMs: performance.now() - started };
}

/**
 * Redis's own `used_memory` (INFO memory) every 500 ms: before, and the highest seen. The server is shared
 * with whatever else runs on the machine, so the difference bounds the launch's share from above.
 */
function redisServerSampler(everyMs = 500) {
  const IORedis = require('ioredis');
  const Redis = IORedis.default ?? IORedis.Redis ?? IORedis;
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1] ?? NaN);
  const first = usedMemory();
  let peak = 0;
  const timer = setInterval(() => {
    usedMemory().then(
      (bytes) => (peak = Math.max(peak, bytes)),
      () => undefined, // a lost sample is no result
    );
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      const beforeBytes = await first;
      // The first reading counts too: a sample lost to a busy Redis must not put the peak below it.
      peak = Math.max(peak, beforeBytes, await usedMemory());
      client.disconnect();
      return { beforeBytes, peakBytes: peak };
    },
  };
}

export const launch = {
  id: 'a',

  async seed({ db, profile }) {
    return seedAudience(db, 'AM21', profile.launchContacts, 'launch.example');
  },

  async run({ db, api, profile, seeded }) {
    const { regionId, templateId, contacts } = seeded;
    const senderId = await adminId(db);
    const segmentId = await createSegment(db, regionId, 'Bench launch');
    const sendWindow = closedWindow();
    let round = 0;
    let campaignId;
    const answered = [];
    // Each run starts clean: the previous run's campaign and enrolments are gone (untimed), so no overlap.
    const reset = async () => {
      await db.query(`DELETE FROM campaigns WHERE region_id = $1`, [regionId]);
      campaignId = await draftCampaign(db, {
        regionId,
        segmentId,
        senderId,
        templateId,
        sendWindow,
        name: `Bench launch ${++round}`,
      });
    };
    const enrolled = async () => {
      const [row] = await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT contact_id)::int AS contacts FROM enrolments WHERE campaign_id = $1`,
        [campaignId],
      );
      return row;
    };
    const sampler = rssSampler(api.pid);
    const timings = await compare({
      runs: profile.runs,
      measure: (_value, ms) => contacts / (ms / 1000),
      ours: {
        prepare: reset,
        run: async () => {
          const { answeredMs } = await launchAndWait(api, db, campaignId);
          answered.push(answeredMs);
        },
        check: async () => {
          const row = await enrolled();
          assert(
            row.n === contacts && row.contacts === contacts,
            `ours enrolled ${row.n} (${row.contacts} contacts), expected ${contacts}`,
          );
          const [campaign] = await db.query(`SELECT audience, status FROM campaigns WHERE id = $1`, [campaignId]);
          assert(
            campaign.audience === contacts && campaign.status === 'running',
            `audience ${campaign.audience}, ${campaign.status}`,
          );
        },
      },
      raw: {
        prepare: reset,
        run: () =>
          db.query(
            `INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, current_step, next_step_at, created_at, updated_at)
             SELECT $1, c.id, c.organisation_id, $2, 0, now(), now(), now()
             FROM organisations o JOIN contacts c ON c.organisation_id = o.id
             WHERE o.kind = 'employer' AND o.region_id = $2 AND o.stage IN ('prospect', 'contacted')
               AND c.is_primary AND c.email IS NOT NULL AND c.email_basis IS NOT NULL`,
            [campaignId, regionId],
          ),
        check: async () => {
          const row = await enrolled();
          assert(row.n === contacts, `raw enrolled ${row.n}, expected ${contacts}`);
        },
      },
    });
    const apiPeakMB = sampler.stop();
    await db.query(`DELETE FROM campaigns WHERE region_id = $1`, [regionId]);
    const answeredSorted = answered.slice(1);
    const result = {
      contacts,
      timings,
      answered: {
        median: answeredSorted.sort((a, b) => a - b)[Math.floor(answeredSorted.length / 2)],
        max: Math.max(...answeredSorted),
        min: Math.min(...answeredSorted),
      },
      apiPeakMB,
    };
    console.log('a', result);
    return result;
  },

  /** 1,000,000 contacts in one launch: the api's peak RSS and Redis while it runs (keyset streaming). */
  async memory({ db, api, profile, queuePrefix }) {
    const senderId = await adminId(db);
    const count = profile.memoryLaunchContacts;
    const started = Date.now();
    const seeded = await seedAudience(db, 'AM22', count, 'million.example');
    const seedSeconds = (Date.now() - started) / 1000;
    const segmentId = await createSegment(db, seeded.regionId, 'Bench million');
    const campaignId = await draftCampaign(db, {
      regionId: seeded.regionId,
      segmentId,
      senderId,
      templateId: seeded.templateId,
      sendWindow: closedWindow(),
      name: 'Bench million',
    });
    const before = memoryOf(api.pid);
    const sampler = rssSampler(api.pid);
    const redis = redisSampler(queuePrefix);
    const server = redisServerSampler();
    const { answeredMs, totalMs } = await launchAndWait(api, db, campaignId, 60 * 60_000);
    const redisPeak = redis.stop();
    const redisServer = await server.stop();
    await sleep(100);
    const peakMB = sampler.stop();
    const [row] = await db.query(`SELECT count(*)::int AS n FROM enrolments WHERE campaign_id = $1`, [campaignId]);
    assert(row.n === count, `million launch enrolled ${row.n}`);
    await db.query(`DELETE FROM campaigns WHERE id = $1`, [campaignId]);
    return { count, seedSeconds, answeredMs, totalMs, peakMB, rssBeforeMB: before.rssMB, redisPeak, redisServer };
  },

  report(r) {
    const { timings } = r;
    const rate = (s) => range(s, int);
    // The large launch's figures go to the Memory section (docs/benchmarks.md), beside the import's.
    const memory = r.memory
      ? `One launch of **${int(r.memory.count)} contacts** in this run (\`launch.memory\`, after the other benchmarks, on a fresh
api; seeded in ${r.memory.seedSeconds.toFixed(0)} s) took ${(r.memory.totalMs / 1000).toFixed(1)} s (202 in ${r.memory.answeredMs.toFixed(1)} ms). The api's RSS was
${r.memory.rssBeforeMB.toFixed(0)} MB before and peaked at **${r.memory.peakMB.toFixed(0)} MB** (goal ≤ 256 MB: ${yesNo(r.memory.peakMB <= 256)}).
The bench's queue prefix in Redis held at most ${int(r.memory.redisPeak.keys)} keys, ${(r.memory.redisPeak.bytes / 1024).toFixed(0)} KB (\`MEMORY USAGE\`, sampled every
500 ms), of which ${int(r.memory.redisPeak.jobs)} job hashes, the largest ${int(r.memory.redisPeak.maxJobBytes)} bytes (goal ≤ 1.5 KB: ${yesNo(r.memory.redisPeak.maxJobBytes <= 1536)}; besides
the launch job, the repeatable maintenance and dispatch jobs live there)${
          r.memory.redisServer
            ? `; Redis's \`used_memory\` (INFO memory, the whole shared server, so an upper bound) went from
${mb(r.memory.redisServer.beforeBytes)} MB to at most ${mb(r.memory.redisServer.peakBytes)} MB`
            : ''
        }. The send window was closed, so no send jobs were made; send jobs reach Redis only through the dispatcher's
window (benchmark b).`
      : r.memoryError
        ? `The memory check with one large launch **failed in this run**, no figures: \`${r.memoryError}\``
        : "The memory check with one large launch (the api's peak RSS ≤ 256 MB) was not run in this run: it runs last in `npm run bench`, and `--only=a` runs it with benchmark a.";
    return {
      summary: [
        {
          benchmark: `a launch ${int(r.contacts)} contacts`,
          ratio: timings.ours.median / timings.raw.median,
          goal: 0.5,
          extra: `202 in ${r.answered.median.toFixed(1)} ms (goal < 50 ms)`,
        },
        ...(r.memory
          ? [
              {
                benchmark: `a memory, ${int(r.memory.count)}-contact launch`,
                ratio: null,
                goal: null,
                extra: `api peak RSS ${r.memory.peakMB.toFixed(0)} MB (goal ≤ 256 MB)`,
              },
            ]
          : []),
      ],
      text: `One region (AM21) of ${int(r.contacts)} employers, each with one primary contact with an e-mail address and a basis;
the segment selects them all (\`stage in [prospect, contacted]\`); one e-mail step; a send window twelve hours away, so the
dispatcher sends nothing while we time. Ours = \`POST /api/campaigns/:id/launch\` on the built api, then polling (every
10 ms) until the campaign is \`running\`: the \`campaign-launch\` job streams the segment's employer ids in keyset batches
of 5,000 and per batch, in one transaction under the campaign's lock, judges every contact (no e-mail, no basis,
suppressed, restricted, overlap) and inserts the enrolments in one statement, moving the checkpoint and the counts.
Raw = one hand-written \`INSERT INTO enrolments … SELECT\` of the same rows (no skip reasons, no checkpoint).
Correctness: each run enrolled every contact exactly once (and ours counted them as the audience). Each run starts
from a fresh draft campaign (the previous one deleted, untimed). Send-ledger rows are not made at launch: the
dispatcher writes them just in time, at most 2,000 ahead of the senders (benchmark b covers that path).

| | ours | raw \`INSERT … SELECT\` | ours/raw |
|---|---|---|---|
| contacts enrolled per second | ${rate(timings.ours)} | ${rate(timings.raw)} | ${ratio(timings.ours.median / timings.raw.median)} (goal ≥ 0.5: ${yesNo(timings.ours.median / timings.raw.median >= 0.5)}) |
| launch request answered (202), ms | ${range(r.answered)} | – | goal < 50 ms: ${yesNo(r.answered.median < 50)} |

The api's peak RSS during these launches: ${r.apiPeakMB.toFixed(0)} MB. The memory check with one large launch
(the api's peak RSS ≤ 256 MB, keyset streaming) is under **Memory** below.`,
      memory,
    };
  },
};
