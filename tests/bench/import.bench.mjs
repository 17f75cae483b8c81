// Benchmark f: CSV import of employers with one contact each. Ours = POST /api/imports/employers on the built
// api (upload, then the import job: validation, upsert by KvK number, contact matching, e-mail basis history,
// audit) until `completed`; raw = PostgreSQL COPY of the same rows (psql, two COPY statements). Each run uses
// a region of its own, so every run creates every employer.
import { spawn } from 'node:child_process';
import {
  activitySampler,
  assert,
  compare,
  cpuMsOf,
  int,
  memoryOf,
  range,
  ratio,
  rssSampler,
  until,
  yesNo,
} from './lib/harness.mjs';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const REGIONS = [
  'AM01',
  'AM02',
  'AM03',
  'AM05',
  'AM06',
  'AM07',
  'AM08',
  'AM09',
  'AM10',
  'AM11',
  'AM12',
  'AM15',
  'AM19',
  'AM20',
];
const HEADER =
  'name,kvkNumber,regionCode,sbiCode,sbiVersion,sizeClass,postcode,city,website,tags,contactFirstName,contactLastName,contactEmail,contactPhone,contactRole,contactEmailBasis,contactEmailBasisSource';
const SIZES = ['micro', 'small', 'medium', 'large'];

function rows(count, code) {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return {
      name: `Importbedrijf ${code} ${n}`,
      kvk: String(20000000 + n),
      size: SIZES[n % 4],
      postcode: `${1000 + (n % 8999)} AB`,
      city: 'Utrecht',
      website: `https://bedrijf${n}.example`,
      first: 'Sanne',
      last: `Bakker ${n}`,
      email: `contact${n}@import-${code.toLowerCase()}.example`,
    };
  });
}

function csv(count, code) {
  const lines = [HEADER];
  for (const r of rows(count, code)) {
    lines.push(
      `${r.name},${r.kvk},${code},4120,2025,${r.size},${r.postcode},${r.city},${r.website},"bouw, import",${r.first},"${r.last}",${r.email},,directeur,consent,beurs 2025`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** psql with a script on stdin (COPY … FROM STDIN needs the copy protocol, which pg alone does not speak). */
function psql(url, script) {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${err}`))));
    child.stdin.end(script);
  });
}

// COPY's text format (tab-separated); the generated values hold no tabs, newlines or backslashes.
const cell = (value) => value;

function copyScript(count, code, regionId) {
  const orgs = [];
  const contacts = [];
  for (const r of rows(count, code)) {
    const id = randomUUID();
    orgs.push(
      [
        id,
        regionId,
        'employer',
        r.name,
        r.kvk,
        '4120',
        '2025',
        'F',
        r.size,
        r.postcode,
        r.city,
        r.website,
        '{bouw,import}',
      ]
        .map(cell)
        .join('\t'),
    );
    contacts.push(
      [id, regionId, r.first, r.last, r.email, 'directeur', 't', 'consent', 'beurs 2025'].map(cell).join('\t'),
    );
  }
  return `BEGIN;
COPY organisations (id, region_id, kind, name, kvk_number, sbi_code, sbi_version, sbi_section, size_class, postcode, city, website, tags) FROM STDIN;
${orgs.join('\n')}
\\.
COPY contacts (organisation_id, region_id, first_name, last_name, email, role, is_primary, email_basis, email_basis_source) FROM STDIN;
${contacts.join('\n')}
\\.
COMMIT;
`;
}

export const importBench = {
  id: 'f',

  async seed({ profile }) {
    return { employers: profile.importEmployers };
  },

  async run({ db, api, profile, seeded }) {
    const count = seeded.employers;
    const regions = [...REGIONS];
    const regionIds = new Map(
      (await db.query(`SELECT code, id FROM regions WHERE code = ANY($1)`, [REGIONS])).map((r) => [r.code, r.id]),
    );
    let current;
    const take = async () => {
      current = regions.shift();
      assert(current, 'ran out of regions for the import runs');
    };
    const present = async (what) => {
      const [row] = await db.query(
        `SELECT (SELECT count(*)::int FROM organisations WHERE region_id = $1 AND kind = 'employer') AS employers,
                (SELECT count(*)::int FROM contacts WHERE region_id = $1 AND email IS NOT NULL AND email_basis = 'consent') AS contacts`,
        [regionIds.get(current)],
      );
      assert(
        row.employers === count && row.contacts === count,
        `${what}: ${row.employers} employers, ${row.contacts} contacts of ${count}`,
      );
    };
    let body;
    let script;
    const sampler = rssSampler(api.pid);
    const timings = await compare({
      runs: profile.runs,
      measure: (_value, ms) => count / (ms / 1000),
      ours: {
        prepare: async () => {
          await take();
          body = new FormData();
          body.append('file', new Blob([csv(count, current)], { type: 'text/csv' }), `werkgevers-${current}.csv`);
        },
        run: async () => {
          const response = await api.request('POST', '/api/imports/employers', body);
          assert(response.status === 202, `import ${response.status} ${response.text}`);
          const id = response.body.importId;
          return until(
            async () => {
              const status = await api.request('GET', `/api/imports/${id}`);
              return status.body?.status === 'completed' || status.body?.status === 'failed' ? status.body : null;
            },
            60 * 60_000,
            'the import to finish',
            // Every 250 ms: the api's rate limit (1,200 requests a minute per user) must not refuse the poll.
            250,
          );
        },
        check: async (status) => {
          assert(status.status === 'completed', `import ${status.status}`);
          assert(
            status.created === count && status.failed === 0,
            `created ${status.created}, failed ${status.failed} of ${count}`,
          );
          await present('ours');
          const [audit] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1`, [
            regionIds.get(current),
          ]);
          assert(audit.n >= count, `only ${audit.n} audit entries for ${count} new employers`);
        },
      },
      raw: {
        prepare: async () => {
          await take();
          script = copyScript(count, current, regionIds.get(current));
        },
        run: () => psql(db.url, script),
        check: () => present('raw'),
      },
    });
    const peakMB = sampler.stop();
    const large =
      profile.importLargeEmployers > 0 ? await this.large({ db, api, count: profile.importLargeEmployers }) : null;
    console.log('f', JSON.stringify({ timings, peakMB, large }));
    return { count, timings, peakMB, large };
  },

  /** One import (and one COPY) at full size: the rate and the api's peak RSS there. */
  async large({ db, api, count }) {
    const [ours, raw] = await db.query(`SELECT id FROM regions WHERE code IN ('AM23', 'AM24') ORDER BY code`);
    const body = new FormData();
    body.append('file', new Blob([csv(count, 'AM23')], { type: 'text/csv' }), 'werkgevers-large.csv');
    const rssBeforeMB = memoryOf(api.pid).rssMB;
    const sampler = rssSampler(api.pid);
    // Two full runs in about twelve ran this import at a tenth of its usual rate, with nothing watching; these say
    // next time whether the rate fell steadily or stalled, and what the database and the api were doing.
    const activity = activitySampler(db);
    const cpuBefore = cpuMsOf(api.pid);
    const progress = [];
    const started = performance.now();
    let status;
    let peakMB;
    let database;
    try {
      const response = await api.request('POST', '/api/imports/employers', body);
      assert(response.status === 202, `large import ${response.status} ${response.text}`);
      status = await until(
        async () => {
          const answer = await api.request('GET', `/api/imports/${response.body.importId}`);
          progress.push({ ms: performance.now() - started, processed: answer.body?.processed ?? 0 });
          return answer.body?.status === 'completed' || answer.body?.status === 'failed' ? answer.body : null;
        },
        60 * 60_000,
        'the large import to finish',
        1000,
      );
    } finally {
      // Stopped on failure too: a running sampler's timer would keep the bench process alive.
      peakMB = sampler.stop();
      database = activity.stop();
    }
    const oursMs = performance.now() - started;
    const apiCpuShare = (cpuMsOf(api.pid) - cpuBefore) / oursMs;
    assert(
      status.status === 'completed' && status.created === count,
      `large import ${status.status}, ${status.created}`,
    );
    const script = copyScript(count, 'AM24', raw.id);
    const copyStarted = performance.now();
    await psql(db.url, script);
    const rawMs = performance.now() - copyStarted;
    const [row] = await db.query(
      `SELECT count(*) FILTER (WHERE region_id = $1)::int AS ours, count(*) FILTER (WHERE region_id = $2)::int AS raw
       FROM contacts WHERE region_id IN ($1, $2)`,
      [ours.id, raw.id],
    );
    assert(row.ours === count && row.raw === count, `large: ${row.ours} and ${row.raw} contacts of ${count}`);
    return {
      count,
      oursRate: count / (oursMs / 1000),
      rawRate: count / (rawMs / 1000),
      peakMB,
      rssBeforeMB,
      quarterRates: ratesByQuarter(progress, oursMs),
      apiCpuShare,
      database,
    };
  },

  report(r) {
    const x = r.timings.ours.median / r.timings.raw.median;
    return {
      summary: [
        {
          benchmark: `f import ${int(r.count)} employers with contacts vs COPY`,
          ratio: x,
          goal: 0.1,
          extra: `api peak RSS ${r.peakMB.toFixed(0)} MB`,
        },
        ...(r.large
          ? [
              {
                benchmark: `f import ${int(r.large.count)} rows, one run`,
                ratio: r.large.oursRate / r.large.rawRate,
                goal: 0.1,
                extra: `api peak RSS ${r.large.peakMB.toFixed(0)} MB (goal ≤ 200 MB)`,
              },
            ]
          : []),
      ],
      text: `A CSV of ${int(r.count)} employers with one contact each (e-mail basis \`consent\` with its source), all columns
filled, a region of its own per run. Ours = \`POST /api/imports/employers\` (multipart) on the built api, then polling
\`GET /api/imports/:id\` until \`completed\`: the job checks the file, counts its rows, then per batch of 500 rows
validates every cell, upserts employers by (region, KvK number), matches or creates the contact, records the e-mail
basis history and the audit log, and advances the progress — each batch one transaction. Raw = \`COPY\` of the same
employers and contacts (psql, one transaction, ids made beforehand, no validation, no history, no audit).
Correctness: after every run the region holds every employer and every contact with its basis (and, for ours, the
import reports every row created, none failed, and the audit log has an entry per employer).

| employers per second | median (min–max) |
|---|---|
| ours (import) | ${range(r.timings.ours, int)} |
| raw \`COPY\` | ${range(r.timings.raw, int)} |
| ours ÷ COPY | ${ratio(x)} (goal ≥ 0.1: ${yesNo(x >= 0.1)}) |

The api's peak RSS during these imports (upload and job in one process, sampled every 100 ms): ${r.peakMB.toFixed(0)} MB.
${
  r.large
    ? `One import of **${int(r.large.count)} rows** (single run, no repeats): ${int(r.large.oursRate)} employers per second against
${int(r.large.rawRate)} for \`COPY\` of the same rows (ours ÷ COPY ${ratio(r.large.oursRate / r.large.rawRate)}); the api's peak RSS during
it **${r.large.peakMB.toFixed(0)} MB** (goal ≤ 200 MB: ${yesNo(r.large.peakMB <= 200)}), from ${r.large.rssBeforeMB?.toFixed(0) ?? '?'} MB just before it.
${largeRunDetail(r.large)}`
    : 'The single import at full size (100,000 rows) was not run in this profile.'
}
These RSS figures are of the run's one api process, which had already served the benchmarks run before f; RSS
seldom shrinks once grown, so they bound the import's own need from above. See **Memory** below for where the
import's memory goes and the heap flags the api runs with.`,
    };
  },
};

/** Rows a second in each quarter of the import's time, from the status polls' `processed` counts. */
function ratesByQuarter(progress, totalMs) {
  const processedAt = (ms) => {
    let last = 0;
    for (const point of progress) {
      if (point.ms > ms) break;
      last = point.processed;
    }
    return last;
  };
  return [1, 2, 3, 4].map((quarter) => {
    const from = processedAt(((quarter - 1) * totalMs) / 4);
    const to = processedAt((quarter * totalMs) / 4);
    return (to - from) / (totalMs / 4 / 1000);
  });
}

function largeRunDetail(large) {
  if (!large.quarterRates) return '';
  const busiest = large.database.busiest.length
    ? large.database.busiest.map((b) => `\`${b.what}\` ${(100 * b.share).toFixed(0)} %`).join('; ')
    : 'none';
  return `While it ran: rows a second per quarter of its time ${large.quarterRates.map((x) => int(x)).join(' / ')}; the
api used ${(100 * large.apiCpuShare).toFixed(0)} % of one core; the database's busy backends, in ${large.database.samples}
samples a second apart (kind · state · wait · statement, share of samples that saw it): ${busiest}.`;
}
