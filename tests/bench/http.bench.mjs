// Benchmark e: HTTP under autocannon (100 connections). GET /api/health/live on the built api against a bare
// node:http hello in a process of its own; then GET /api/employers/:id, first flat out, then at half that
// rate for its latency.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assert, compare, int, range, ratio, require, yesNo } from './lib/harness.mjs';

const autocannon = require('autocannon');
const CONNECTIONS = 100;

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function startBare() {
  const child = fork(fileURLToPath(new URL('./lib/bare-http.child.mjs', import.meta.url)));
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.send('stop'))),
  };
}

const ok = (label) => (result) => {
  assert(
    result.errors === 0 && result.timeouts === 0,
    `${label}: ${result.errors} errors, ${result.timeouts} timeouts`,
  );
  assert(result.non2xx === 0, `${label}: ${result.non2xx} answers were not 2xx`);
  assert(result.requests.total > 0, `${label}: no requests completed`);
};

export const http = {
  id: 'e',

  async seed({ db }) {
    const [{ id: regionId }] = await db.query(`SELECT id FROM regions WHERE code = 'AM18'`);
    const [employer] = await db.query(
      `INSERT INTO organisations (region_id, kind, name, kvk_number, city, sbi_code, sbi_version, sbi_section, size_class, tags)
       VALUES ($1, 'employer', 'Bakkerij De Bench', '69599084', 'Amsterdam', '1071', 2025, 'C', 'small', ARRAY['bakkerij'])
       RETURNING id`,
      [regionId],
    );
    await db.query(
      `INSERT INTO contacts (organisation_id, region_id, first_name, last_name, email, is_primary, email_basis, email_basis_at)
       VALUES ($1, $2, 'Anna', 'de Vries', 'anna@bakkerij.example', TRUE, 'consent', now())`,
      [employer.id, regionId],
    );
    return { employerId: employer.id };
  },

  async run({ db, api, profile, seeded }) {
    const duration = profile.autocannonSeconds;
    const bare = await startBare();
    let live;
    try {
      live = await compare({
        runs: profile.runs,
        measure: (result) => result.requests.average,
        ours: { run: () => cannon({ url: `${api.base}/api/health/live`, duration }), check: ok('live') },
        raw: { run: () => cannon({ url: bare.url, duration }), check: ok('bare') },
      });
    } finally {
      await bare.stop();
    }
    // A user of its own: the api's rate limit is per signed-in user, and this flood must not spend the
    // budget of the admin the other benchmarks use.
    const [{ id: regionId }] = await db.query(`SELECT id FROM regions WHERE code = 'AM18'`);
    const user = { email: `http-${Date.now()}@bench.example`, password: 'bench-http-password-2025' };
    const created = await api.request('POST', '/api/users', {
      ...user,
      name: 'Bench HTTP',
      role: 'coordinator',
      regionIds: [regionId],
    });
    assert(created.status === 201, `user ${created.status} ${created.text}`);
    const login = await api.request('POST', '/api/auth/login', user);
    assert(login.status === 200, `login ${login.status}`);
    const headers = { authorization: `Bearer ${login.body.accessToken}` };
    const employerUrl = `${api.base}/api/employers/${seeded.employerId}`;
    const check = await fetch(employerUrl, { headers });
    const checked = await check.json();
    assert(check.status === 200 && checked.id === seeded.employerId, `employer ${check.status}`);
    const flat = await cannon({ url: employerUrl, headers, duration });
    const limited = flat.non2xx > 0;
    // The highest rate that is answered: requests that got 2xx, per second.
    const maxRate = (flat.requests.total - flat.non2xx) / duration;
    const half = await cannon({
      url: employerUrl,
      headers,
      duration,
      overallRate: Math.max(1, Math.floor(maxRate / 2)),
    });
    const result = {
      duration,
      live,
      employer: {
        maxRate,
        flatNon2xx: flat.non2xx,
        flatTotalRate: flat.requests.total / duration,
        flatP99: flat.latency.p99,
        limited,
        halfRate: half.requests.average,
        halfP50: half.latency.p50,
        halfP99: half.latency.p99,
        halfNon2xx: half.non2xx,
        halfErrors: half.errors,
      },
    };
    console.log('e', JSON.stringify(result));
    return result;
  },

  report(r) {
    const e = r.employer;
    const liveRatio = r.live.ours.median / r.live.raw.median;
    return {
      summary: [
        {
          benchmark: 'e GET /api/health/live vs bare node:http',
          ratio: liveRatio,
          goal: 0.6,
          extra: `${int(r.live.ours.median)} req/s`,
        },
        {
          benchmark: 'e GET /api/employers/:id at half max rate',
          ratio: null,
          goal: null,
          extra: `p99 ${e.halfP99} ms (goal ≤ 20 ms: ${e.halfP99 <= 20 ? 'yes' : '**no**'})`,
        },
      ],
      text: `autocannon with ${CONNECTIONS} connections, ${r.duration} s per run, from the bench process. Ours = the built api with
everything it has at the time of the run (request logging, metrics, throttling, auth …); bare = a \`node:http\` server
answering the same small JSON, in a process of its own. Correctness: no errors, no timeouts, only 2xx answers.

| | ours \`GET /api/health/live\` | bare \`node:http\` | ours/bare |
|---|---|---|---|
| requests per second | ${range(r.live.ours, int)} | ${range(r.live.raw, int)} | ${ratio(liveRatio)} (goal ≥ 0.6: ${yesNo(liveRatio >= 0.6)}) |

\`GET /api/employers/:id\` (a coordinator's bearer token, region scope, one employer with a contact), from one user:
flat out, ${int(e.flatTotalRate)} requests per second were answered, ${int(e.maxRate)} per second of them with 2xx (p99 ${e.flatP99} ms${e.flatNon2xx ? `; **${int(e.flatNon2xx)} answers were 429**: the api's rate limit, 1,200 requests a minute per signed-in user by default (\`RATE_LIMIT_PER_MINUTE\`), caps one user's load` : ''}).
At half the answered rate (autocannon \`overallRate\`): ${int(e.halfRate)} requests per second with p50 ${e.halfP50} ms and **p99 ${e.halfP99} ms**
(goal ≤ 20 ms: ${yesNo(e.halfP99 <= 20)})${e.halfNon2xx ? `; ${int(e.halfNon2xx)} answers were not 2xx` : ''}.`,
    };
  },
};
