// The benchmark harness: timing (1 warm-up + N runs, ours and raw alternating), statistics, machine
// facts, a database of its own, and the pieces every benchmark shares. Plain ESM over the built dist/.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

export const require = createRequire(import.meta.url);
require('reflect-metadata');
export const pg = require('pg');

export const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ROOT = new URL('../../../', import.meta.url);

export const unique = () => randomBytes(4).toString('hex');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const withDatabase = (url, name) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function stats(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length };
}

/**
 * Times two ways of doing the same work in ONE run: a warm-up of each, then `runs` rounds in which
 * ours and raw alternate (which goes first flips each round), so load from other work on the machine
 * hits both alike. Each side is `{ prepare?, run, check? }`: prepare is untimed (reset state), run is
 * timed and returns a value, check(value) throws when the work was not done right (correctness).
 * `measure(value, ms)` turns a run into the figure reported (default: the milliseconds).
 */
export async function compare({ ours, raw, runs = 5, measure = (_value, ms) => ms }) {
  return compareSides({ sides: { ours, raw }, runs, measure });
}

/** As compare(), for any number of named sides; the order rotates each round. */
export async function compareSides({ sides, runs = 5, measure = (_value, ms) => ms }) {
  const names = Object.keys(sides);
  const figures = Object.fromEntries(names.map((name) => [name, []]));
  const once = async (name, keep) => {
    const side = sides[name];
    await side.prepare?.();
    const started = performance.now();
    const value = await side.run();
    const ms = performance.now() - started;
    await side.check?.(value);
    if (keep) figures[name].push(measure(value, ms, name));
    return value;
  };
  for (const name of names) await once(name, false);
  for (let round = 0; round < runs; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    if (round % 2 === 1) order.reverse();
    for (const name of order) await once(name, true);
  }
  return Object.fromEntries(names.map((name) => [name, stats(figures[name])]));
}

/**
 * As compareSides(), for calls of a few milliseconds: each run (after a warm-up run) is `callsPerRun` rounds in which
 * every side makes one call, and a side's figure for the run is its calls' time ÷ `callsPerRun`. A slow spell of the
 * machine then falls on every side alike, where a run of one side's calls in a row can land wholly inside one. The
 * rounds take their orders from a Williams design, so every side comes right after every other equally often and
 * in every place of a round: rotating one order would keep each side behind the same two neighbours, and whatever a
 * call leaves behind (another process still busy) would always land on the same sides. Every call's value is
 * checked, outside the timing. Sides have no `prepare` here: nothing untimed fits between calls this short.
 */
export async function compareInterleaved({ sides, runs = 5, callsPerRun }) {
  assert(Number.isInteger(callsPerRun) && callsPerRun >= 1, `callsPerRun must be a whole number ≥ 1: ${callsPerRun}`);
  const names = Object.keys(sides);
  assert(!names.some((name) => sides[name].prepare), 'compareInterleaved: sides cannot have prepare()');
  const orders = williamsOrders(names.length);
  const figures = Object.fromEntries(names.map((name) => [name, []]));
  let round = 0;
  for (let run = 0; run <= runs; run++) {
    const spent = Object.fromEntries(names.map((name) => [name, 0]));
    for (let call = 0; call < callsPerRun; call++, round++) {
      for (const index of orders[round % orders.length]) {
        const name = names[index];
        const started = performance.now();
        const value = await sides[name].run();
        spent[name] += performance.now() - started;
        await sides[name].check?.(value);
      }
    }
    // Run 0 is the warm-up.
    if (run > 0) for (const name of names) figures[name].push(spent[name] / callsPerRun);
  }
  return Object.fromEntries(names.map((name) => [name, stats(figures[name])]));
}

/**
 * The rounds of a Williams design for `n` sides (indexes): a Latin square whose first row is 0, 1, n−1, 2, n−2, …
 * and each next row that plus one, mod n. For an even n every side follows every other exactly once over the n rows;
 * for an odd n, over the rows and their mirrors.
 */
function williamsOrders(n) {
  const first = [0];
  for (let k = 1; first.length < n; k++) {
    first.push(k);
    if (first.length < n) first.push(n - k);
  }
  const rows = Array.from({ length: n }, (_, shift) => first.map((index) => (index + shift) % n));
  return n % 2 === 0 ? rows : [...rows, ...rows.map((row) => [...row].reverse())];
}

/** One side only (no baseline), same warm-up and runs. */
export async function repeat(side, { runs = 5, measure = (_value, ms) => ms } = {}) {
  const figures = [];
  for (let round = 0; round <= runs; round++) {
    await side.prepare?.();
    const started = performance.now();
    const value = await side.run();
    const ms = performance.now() - started;
    await side.check?.(value);
    if (round > 0) figures.push(measure(value, ms));
  }
  return stats(figures);
}

export function assert(condition, message) {
  if (!condition) throw new Error(`correctness: ${message}`);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function onServer(url, sql, params) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** A `pg` pool on `url`; a connection dropped while idle is logged, not an unhandled error that ends the bench. */
export function benchPool(url, max) {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', (error) => console.error('idle pool client:', error.message));
  return pool;
}

/** A migrated database of its own on `server`; drop() removes it. */
export async function createBenchDatabase(server = SERVER) {
  const core = require('../../../dist/libs/core/src/index.js');
  const { DataSource } = require('typeorm');
  const name = `vw_bench_${unique()}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = withDatabase(server, name);
  const migrator = new DataSource(core.dataSourceOptions(url));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  const pool = benchPool(url, 10);
  return {
    name,
    url,
    pool,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async drop() {
      await pool.end();
      if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
      else await onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** cpu model, cores, RAM, node, PostgreSQL and Redis versions, load. */
export async function machine(db, redisVersion) {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  const [{ server_version: postgres }] = await db.query(`SHOW server_version`);
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    postgres,
    redis: redisVersion,
    load: os.loadavg(),
    date: new Date().toISOString(),
  };
}

export async function redisVersion() {
  const IORedis = require('ioredis');
  const Redis = IORedis.default ?? IORedis.Redis ?? IORedis;
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  const info = await client.info('server');
  await client.quit();
  return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
}

/** Deletes every key under a queue prefix (the bench's own). */
export async function dropRedisPrefix(prefix) {
  const IORedis = require('ioredis');
  const Redis = IORedis.default ?? IORedis.Redis ?? IORedis;
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await client.quit();
}

/** Peak and current resident memory of a process, from /proc (VmHWM / VmRSS), in MB. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return { peakMB: NaN, rssMB: NaN };
  }
}

/** Samples a process's RSS every `everyMs` until stop(); returns the highest seen (MB). */
export function rssSampler(pid, everyMs = 100) {
  let peak = 0;
  const timer = setInterval(() => {
    const { rssMB } = memoryOf(pid);
    if (rssMB > peak) peak = rssMB;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const { rssMB } = memoryOf(pid);
      return Math.max(peak, Number.isNaN(rssMB) ? 0 : rssMB);
    },
  };
}

export async function until(check, timeoutMs, what, everyMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

// Formatting for the report.
export const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
export const range = (s, f = ms) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
export const int = (x) => Math.round(x).toLocaleString('en');
export const yesNo = (ok) => (ok ? 'yes' : '**no**');

/**
 * A summary line as a table row: benchmark, ratio, goal, met, notes. `goal` is a least ratio; a goal that is not a
 * ratio (e.g. c over HTTP: a time) comes as `goalText` with its verdict in `met`.
 */
export function summaryRow(line) {
  const goal = line.goalText ?? (line.goal === null ? '–' : `≥ ${line.goal}`);
  const met =
    line.met !== undefined
      ? yesNo(line.met)
      : line.ratio === null || line.goal === null
        ? '–'
        : yesNo(line.ratio >= line.goal);
  return `| ${line.benchmark} | ${line.ratio === null ? '–' : line.ratio.toFixed(2)} | ${goal} | ${met} | ${line.extra ?? ''} |`;
}
export const ratio = (x) => x.toFixed(2);

/**
 * What the bench's own queue prefix holds in Redis: keys, bytes (MEMORY USAGE), and the job hashes among
 * them (BullMQ keeps each job as a hash) with the largest job's size.
 */
export async function redisPrefixUsage(prefix) {
  const IORedis = require('ioredis');
  const Redis = IORedis.default ?? IORedis.Redis ?? IORedis;
  const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const usage = { keys: 0, bytes: 0, jobs: 0, maxJobBytes: 0 };
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length === 0) continue;
      const pipeline = client.pipeline();
      for (const key of keys) pipeline.call('MEMORY', 'USAGE', key).type(key);
      const answers = await pipeline.exec();
      keys.forEach((key, i) => {
        const bytes = Number(answers[2 * i][1] ?? 0);
        const type = answers[2 * i + 1][1];
        usage.keys += 1;
        usage.bytes += bytes;
        if (type === 'hash' && !/:(meta|stalled-check|repeat|id)$/.test(key)) {
          usage.jobs += 1;
          usage.maxJobBytes = Math.max(usage.maxJobBytes, bytes);
        }
      });
    } while (cursor !== '0');
    return usage;
  } finally {
    client.disconnect();
  }
}

/** Samples redisPrefixUsage every `everyMs` until stop(); returns the peak bytes, keys and jobs seen. */
export function redisSampler(prefix, everyMs = 500) {
  const peak = { keys: 0, bytes: 0, jobs: 0, maxJobBytes: 0 };
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const usage = await redisPrefixUsage(prefix);
      for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], usage[key]);
    } catch {
      // a sample lost to a busy Redis is no result
    } finally {
      busy = false;
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** CPU time (user + system, all threads) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After the command name, which may itself hold ") ".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are in clock ticks: 100 a second on Linux (getconf CLK_TCK).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * What the database's backends are doing while something runs: every `everyMs`, the backends of this database that
 * are not idle (autovacuum workers included) are grouped by kind, state, wait (or "on CPU") and the first words of
 * the statement. stop() returns the most frequent groups with the share of samples that saw them: where a slow run
 * spent its time.
 */
export function activitySampler(db, everyMs = 1000) {
  const counts = new Map();
  let samples = 0;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const rows = await db.query(
        `SELECT backend_type AS kind, state, coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS wait,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS statement
         FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'`,
      );
      samples += 1;
      // Once per sample however many backends share a group, so a share never exceeds 100 %.
      const seen = new Set(
        rows.map(({ kind, state, wait, statement }) => `${kind} · ${state} · ${wait} · ${statement}`),
      );
      for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
    } catch {
      // a lost sample is no result
    } finally {
      busy = false;
    }
  }, everyMs);
  return {
    stop(top = 6) {
      clearInterval(timer);
      return {
        samples,
        busiest: [...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([what, seen]) => ({ what, share: samples ? seen / samples : 0 })),
      };
    },
  };
}
