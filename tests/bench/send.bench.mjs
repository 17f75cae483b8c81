// Benchmark b: send throughput to a local SMTP sink (smtp-server, a process of its own). Ours = a launched
// campaign on the built api: the dispatcher moves due steps into the email-send queue, each job claims its
// ledger row, locks and re-checks the enrolment, renders the cached compiled template, sends over the pooled
// SMTP transport (nodemailer in a worker thread of its own) and records the outcome. Raw = nodemailer's pool sending the same messages, built with a
// Handlebars template compiled once; and the same pool sending MIME built beforehand.
import {
  assert,
  compareSides,
  createBenchDatabase,
  dropRedisPrefix,
  int,
  range,
  ratio,
  redisSampler,
  require,
  rssSampler,
  sleep,
  stats,
  unique,
  until,
  yesNo,
} from './lib/harness.mjs';
import { startApi, startWorker } from './lib/api-process.mjs';
import { adminId, createSegment, draftCampaign, seedAudience } from './launch.bench.mjs';

const nodemailer = require('nodemailer');
const Handlebars = require('handlebars');
const { convert } = require('html-to-text');
const OPEN = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' };
const DOMAIN = 'send.example';
const CAP_DOMAIN = 'cap.example';
const WORKER_DOMAIN = 'worker.example';
const SUBJECT = 'Praktijkleren bij {{employer.name}}';
const HTML =
  '<p>Beste {{contact.firstName}},</p><p>Wij zoeken werkgevers zoals {{employer.name}} in {{employer.city}} voor praktijkleren.</p>';

/** A draft campaign of one e-mail step to the segment, its send window open all day. */
function openCampaign(db, { regionId, segmentId, senderId, templateId }, name, extra = {}) {
  return draftCampaign(db, { regionId, segmentId, senderId, templateId, sendWindow: OPEN, name, ...extra });
}

/** Sends `messages` with at most `inFlight` sendMail calls open at once (as a careful hand-written sender would). */
async function sendAll(transport, messages, inFlight = 50) {
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const message = messages[next++];
      await transport.sendMail(message);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

async function audience(db, regionId) {
  return db.query(
    `SELECT c.email, c.first_name, o.name, o.city FROM contacts c JOIN organisations o ON o.id = c.organisation_id
     WHERE o.region_id = $1 AND o.kind = 'employer' AND c.is_primary ORDER BY c.id`,
    [regionId],
  );
}

export const send = {
  id: 'b',

  async seed({ db, profile }) {
    const main = await seedAudience(db, 'AM13', profile.sendMessages, DOMAIN);
    const cap = await seedAudience(db, 'AM14', profile.capMessages, CAP_DOMAIN);
    return { main, cap };
  },

  async run({ db, api, sink, profile, seeded, queuePrefix }) {
    const { regionId, templateId, contacts } = seeded.main;
    const senderId = await adminId(db);
    const segmentId = await createSegment(db, regionId, 'Bench send');
    const transport = nodemailer.createTransport({ url: sink.url, pool: true });
    // Beside it, the same pool with ours' setting (mail-transport.ts): nodemailer's default closes each connection after
    // 100 messages and, with its queue full, opens the next 100 ms later, a pause of its five connections together
    // every 500 messages.
    const keptTransport = nodemailer.createTransport({ url: sink.url, pool: true, maxMessages: 1_000 });
    const subject = Handlebars.compile(SUBJECT);
    const html = Handlebars.compile(HTML);
    const from = '"WSP AM13" <wsp@wsp.example>';
    const build = (row) => {
      const context = { contact: { firstName: row.first_name }, employer: { name: row.name, city: row.city } };
      const body = html(context);
      return {
        from,
        to: row.email,
        subject: subject(context),
        html: body,
        text: convert(body, { wordwrap: 78 }),
        headers: {
          'List-Unsubscribe': '<https://example.invalid/u/x>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      };
    };
    // Prebuilt MIME: nodemailer's own stream transport builds every message once, beforehand (untimed).
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const prebuilt = [];
    for (const row of await audience(db, regionId)) {
      const info = await builder.sendMail(build(row));
      prebuilt.push({ envelope: { from: 'wsp@wsp.example', to: [row.email] }, raw: info.message });
    }
    let campaignId;
    let round = 0;
    const delivered = async () => {
      const stats = await sink.stats(DOMAIN);
      assert(stats.recipients === contacts, `${stats.recipients} of ${contacts} recipients reached the sink`);
      assert(
        stats.duplicates === 0 && stats.messages === contacts,
        `${stats.duplicates} duplicates, ${stats.messages} messages`,
      );
      return stats;
    };
    const rate = (stats) => contacts / (Math.max(1, stats.lastAt - stats.firstAt) / 1000);
    const sampler = rssSampler(api.pid);
    const redis = redisSampler(queuePrefix);
    const endToEnd = [];
    /** A raw side: the sink emptied, then `messages()` (timed: reading and building them is raw's work) sent. */
    const rawSide = (through, messages) => ({
      prepare: () => sink.reset(),
      run: async () => {
        await sendAll(through, await messages());
        return delivered();
      },
    });
    const timings = await compareSides({
      runs: profile.runs,
      measure: (stats) => rate(stats),
      sides: {
        ours: {
          prepare: async () => {
            await db.query(`DELETE FROM campaigns WHERE region_id = $1`, [regionId]);
            await sink.reset();
            campaignId = await openCampaign(db, { regionId, segmentId, senderId, templateId }, `Bench send ${++round}`);
          },
          run: async () => {
            const started = Date.now();
            const response = await api.request('POST', `/api/campaigns/${campaignId}/launch`);
            assert(response.status === 202, `launch ${response.status} ${response.text}`);
            await until(
              async () => (await sink.stats(DOMAIN)).messages >= contacts,
              20 * 60_000,
              'every message at the sink',
              25,
            );
            endToEnd.push(Date.now() - started);
            await sleep(200); // a duplicate would arrive now
            return delivered();
          },
          check: async () => {
            const [row] = await until(
              async () => {
                const rows = await db.query(
                  `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*)::int AS total FROM send_ledger WHERE campaign_id = $1`,
                  [campaignId],
                );
                return rows[0].sent === contacts ? rows : null;
              },
              30_000,
              'every ledger row recorded as sent',
            );
            assert(row.total === contacts, `${row.total} ledger rows for ${contacts} contacts`);
          },
        },
        raw: rawSide(transport, async () => (await audience(db, regionId)).map(build)),
        rawKept: rawSide(keptTransport, async () => (await audience(db, regionId)).map(build)),
        prebuilt: rawSide(transport, async () => prebuilt),
      },
    });
    const workerPeakMB = sampler.stop();
    const redisPeak = redis.stop();
    transport.close();
    keptTransport.close();
    await db.query(`DELETE FROM campaigns WHERE region_id = $1`, [regionId]);
    const capped = await this.cap({ db, api, sink, profile, seeded: seeded.cap, senderId });
    const standalone = await this.standalone({ profile, sink });
    const result = { contacts, timings, endToEnd: endToEnd.slice(1), workerPeakMB, redisPeak, capped, standalone };
    console.log('b', JSON.stringify(result));
    return result;
  },

  /**
   * The shape production runs (architecture.md "Processes"): the api with WORKERS=off and the standalone worker
   * (`npm run start:worker`), on a database and queue prefix of their own, since the shared api's dispatcher
   * would take the jobs of a campaign in its database. One warm-up and `profile.runs` launches of the same
   * audience: the worker's peak RSS while sending (issue 8's "worker RSS") and its rate.
   */
  async standalone({ profile, sink }) {
    const db = await createBenchDatabase();
    const queuePrefix = `bench-${unique()}`;
    let api;
    let worker;
    try {
      api = await startApi({ databaseUrl: db.url, queuePrefix, smtpUrl: sink.url, env: { WORKERS: 'off' } });
      const { regionId, templateId, contacts } = await seedAudience(db, 'AM15', profile.sendMessages, WORKER_DOMAIN);
      const senderId = await adminId(db);
      const segmentId = await createSegment(db, regionId, 'Bench standalone worker');
      worker = await startWorker({ databaseUrl: db.url, queuePrefix, smtpUrl: sink.url });
      const rounds = [];
      for (let round = 0; round <= profile.runs; round++) {
        await db.query(`DELETE FROM campaigns WHERE region_id = $1`, [regionId]);
        await sink.reset();
        const campaignId = await openCampaign(
          db,
          { regionId, segmentId, senderId, templateId },
          `Bench standalone ${round}`,
        );
        const workerRss = rssSampler(worker.pid);
        const apiRss = rssSampler(api.pid);
        const response = await api.request('POST', `/api/campaigns/${campaignId}/launch`);
        assert(response.status === 202, `launch ${response.status} ${response.text}`);
        await until(
          async () => (await sink.stats(WORKER_DOMAIN)).messages >= contacts,
          20 * 60_000,
          'every message of the standalone worker at the sink',
          25,
        );
        await sleep(200); // a duplicate would arrive now
        const arrived = await sink.stats(WORKER_DOMAIN);
        assert(arrived.recipients === contacts && arrived.duplicates === 0, `standalone: ${JSON.stringify(arrived)}`);
        const [ledger] = await until(
          async () => {
            const rows = await db.query(
              `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM send_ledger WHERE campaign_id = $1`,
              [campaignId],
            );
            return rows[0].sent === contacts ? rows : null;
          },
          30_000,
          'every ledger row of the standalone worker recorded as sent',
        );
        assert(ledger.sent === contacts, `standalone: ${ledger.sent} of ${contacts} ledger rows sent`);
        rounds.push({
          rate: contacts / (Math.max(1, arrived.lastAt - arrived.firstAt) / 1000),
          workerMB: workerRss.stop(),
          apiMB: apiRss.stop(),
        });
      }
      const timed = rounds.slice(1); // the first round is the warm-up
      return {
        contacts,
        rates: timed.map((r) => r.rate),
        workerPeakMB: Math.max(...timed.map((r) => r.workerMB)),
        apiPeakMB: Math.max(...timed.map((r) => r.apiMB)),
      };
    } finally {
      await worker?.stop();
      await api?.stop();
      await dropRedisPrefix(queuePrefix);
      await db.drop();
    }
  },

  /** maxPerHour: the first hour sends close to the cap and never more. */
  async cap({ db, api, sink, profile, seeded, senderId }) {
    const { regionId, templateId, contacts } = seeded;
    const cap = profile.maxPerHour;
    const segmentId = await createSegment(db, regionId, 'Bench cap');
    await sink.reset();
    const campaignId = await openCampaign(db, { regionId, segmentId, senderId, templateId }, 'Bench cap', {
      maxPerHour: cap,
    });
    const started = Date.now();
    const response = await api.request('POST', `/api/campaigns/${campaignId}/launch`);
    assert(response.status === 202, `launch ${response.status}`);
    await until(
      async () => (await sink.stats(CAP_DOMAIN)).recipients >= Math.ceil(cap * 0.95),
      10 * 60_000,
      '95% of the cap',
      50,
    );
    const reachedMs = Date.now() - started;
    // Watch on for a while (several dispatcher ticks): nothing more may go out within the hour.
    const watchMs = Math.max(profile.capWatchMs, reachedMs);
    await sleep(watchMs);
    const stats = await sink.stats(CAP_DOMAIN);
    const [ledger] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
              (max(sent_at) - min(sent_at)) < interval '60 minutes' AS within_hour
       FROM send_ledger WHERE campaign_id = $1`,
      [campaignId],
    );
    assert(stats.duplicates === 0, `${stats.duplicates} duplicates under the cap`);
    assert(
      stats.messages <= cap && ledger.sent <= cap,
      `sent ${stats.messages} (ledger ${ledger.sent}) over the cap of ${cap}`,
    );
    assert(stats.messages >= 0.95 * cap, `sent only ${stats.messages} of the cap ${cap}`);
    await db.query(`DELETE FROM campaigns WHERE id = $1`, [campaignId]);
    return { cap, contacts, sent: stats.messages, ledgerSent: ledger.sent, reachedMs, watchedMs: Date.now() - started };
  },

  report(r) {
    const { ours, raw, rawKept, prebuilt } = r.timings;
    const e2e = [...r.endToEnd].sort((a, b) => a - b);
    const c = r.capped;
    const sa = r.standalone;
    return {
      summary: [
        {
          benchmark: `b send ${int(r.contacts)} messages vs raw nodemailer pool`,
          ratio: ours.median / raw.median,
          goal: 0.8,
          extra: `${int(ours.median)} msg/s; raw at nodemailer's defaults, ours keeps connections longer (next row)`,
        },
        {
          benchmark: 'b send vs raw pool keeping its connections',
          ratio: ours.median / rawKept.median,
          goal: null,
          extra: `${int(rawKept.median)} msg/s raw`,
        },
        { benchmark: 'b send vs prebuilt raw MIME', ratio: ours.median / prebuilt.median, goal: null, extra: '' },
        {
          benchmark: 'b standalone worker (production shape)',
          ratio: null,
          goal: null,
          extra: `worker peak RSS ${sa.workerPeakMB.toFixed(0)} MB while sending (goal ≤ 200 MB: ${yesNo(sa.workerPeakMB <= 200)}), ${int(stats(sa.rates).median)} msg/s`,
        },
        {
          benchmark: `b maxPerHour ${int(c.cap)}`,
          ratio: c.sent / c.cap,
          goal: 0.95,
          extra: `${int(c.sent)} sent, never over the cap: ${c.sent <= c.cap ? 'yes' : '**no**'}`,
        },
      ],
      text: `One region (AM13) of ${int(r.contacts)} employers with one e-mailable primary contact each; one e-mail step, a send window open
all day, no cap. Ours = \`POST /launch\` on the built api (\`WORKERS=inline\`, \`SMTP_URL\` = the sink), then everything
the product does per message (dispatcher → \`email-send\` job, gathered with others into a batch of up to 32 → claim
the ledger rows, lock and re-check the enrolments, suppression, basis and pressure, render the cached compiled template,
send over nodemailer's pool, which runs in a worker thread of the api, record); raw = the
bench process sending the same messages through a nodemailer pool (nodemailer's defaults: 5 connections, each closed
after 100 messages) with at most 50 \`sendMail\` calls in flight, the message built per send from a Handlebars template
compiled once plus html-to-text; raw, connections kept = the same with \`maxMessages: 1000\`, as ours sends;
prebuilt = the default pool sending MIME built beforehand. Rate = messages ÷ (last arrival − first arrival) at the sink.
Half the employers are prospects until the warm-up round, whose first message moves each to \`contacted\` (a stage
change with its audit row and event per employer, written set-based per batch); the timed rounds send to employers
already contacted.
Correctness: every run, every recipient reached the sink exactly once (no duplicates, none missing) and, for ours,
every ledger row is \`sent\`.

| messages per second | median (min–max) | ours ÷ this |
|---|---|---|
| ours (the product's send path) | ${range(ours, int)} | – |
| raw nodemailer pool, building messages | ${range(raw, int)} | ${ratio(ours.median / raw.median)} (goal ≥ 0.8: ${yesNo(ours.median / raw.median >= 0.8)}) |
| raw nodemailer pool, building messages, connections kept | ${range(rawKept, int)} | ${ratio(ours.median / rawKept.median)} |
| raw nodemailer pool, prebuilt MIME | ${range(prebuilt, int)} | ${ratio(ours.median / prebuilt.median)} |

Why ours keeps its connections longer: nodemailer's pool closes a connection after \`maxMessages\` (default 100)
and, while its queue is full, opens the next only 100 ms later (\`_continueProcessing\` in its smtp-pool); its five
connections reach 100 at about the same time, so the default pool stands still for about 100 ms every 500 messages.
Counted at the sink per 100 ms (a temporary count, not part of this bench; 2026-11-30, about 1,000 messages a second),
both ours and raw had one nearly empty 100 ms in about every five. Ours now uses each connection for up to 1,000
messages (\`libs/core/src/mail/mail-transport.ts\`; \`?maxMessages=<n>\` in \`SMTP_URL\` sets another limit). The
issue's baseline is nodemailer as it comes, so the headline ratio is against that; the row above it is the stricter
comparison, raw with the same setting.

Where the time goes: CPU per message by process and thread, read from \`/proc\` before and after each round (a one-off
probe outside this bench, four rounds of each side, 2026-11-30, after the send path changes of that day listed at
the end; these figures are not measured in this run): ours took about 375 µs
in the api's main thread (queue jobs, statements, rendering), 490 in the SMTP thread (nodemailer), 165 in V8's helper
thread, 295 in PostgreSQL, 105 in Redis and 195 in the sink, about 1.6 ms in all, so the two cores are full at some
1,200 messages a second; raw with its connections kept took about 870 µs in the bench process and 190 in the sink.
Ours is bound by the machine's CPU, and what it adds to raw's work is the database and queue work of each message.

From \`POST /launch\` to the last message at the sink: ${e2e.length ? `${(e2e[Math.floor(e2e.length / 2)] / 1000).toFixed(1)} s median` : '–'}.
The api (hosting the workers) peaked at **${r.workerPeakMB.toFixed(0)} MB** RSS while sending (goal ≤ 200 MB: ${yesNo(r.workerPeakMB <= 200)}),
sampled every 100 ms (with the SMTP thread, about 20 MB of it: a Node worker thread alone takes some 10 MB, nodemailer
in it another 10). The bench's queue prefix in Redis held at most ${int(r.redisPeak.jobs)} jobs (${int(r.redisPeak.keys)} keys,
${(r.redisPeak.bytes / 1024).toFixed(0)} KB; the largest job ${int(r.redisPeak.maxJobBytes)} bytes by \`MEMORY USAGE\`, sampled every 500 ms).

Production's shape (architecture.md "Processes"), in the same run: the api with \`WORKERS=off\` and the standalone
worker (\`npm run start:worker\`), on a database and queue prefix of their own (the api above would otherwise take
the jobs), ${int(sa.contacts)} messages, a warm-up launch and ${sa.rates.length} timed: the worker peaked at
**${sa.workerPeakMB.toFixed(0)} MB** RSS while sending (goal ≤ 200 MB: ${yesNo(sa.workerPeakMB <= 200)}), the api at
${sa.apiPeakMB.toFixed(0)} MB; ${range(stats(sa.rates), int)} messages a second (no raw side here: the ratio above is the one
measured alternately).

\`maxPerHour\` = ${int(c.cap)} on a campaign of ${int(c.contacts)} (region AM14): ${int(c.sent)} messages reached the sink
(${int(c.ledgerSent)} ledger rows \`sent\`), 95% of the cap after ${(c.reachedMs / 1000).toFixed(1)} s; watched for
${(c.watchedMs / 1000).toFixed(0)} s in all, well inside the hour: ${c.sent <= c.cap ? 'never over the cap' : '**over the cap**'},
${yesNo(c.sent >= 0.95 * c.cap)} at least 95% of it. (A whole hour's window was not run.)`,
    };
  },
};
