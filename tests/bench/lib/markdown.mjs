// docs/benchmarks.md: command, machine, the ratios at a glance, then each benchmark's own table, the memory
// section and the changes made. Everything here is written so it stays true after a rerun; notes about one
// particular run (dates, the machine's load, footnotes) belong in the committed file only.
import { PRODUCTION_HEAP_ARGS } from './api-process.mjs';
import { summaryRow } from './harness.mjs';

// The heap flags alone (the helper-thread flag has its own entry in the change list).
const HEAP_ARGS = PRODUCTION_HEAP_ARGS.filter((arg) => arg.startsWith('--max-')).join(' ');

/** What was changed in the product for these figures (issue 8). */
const CHANGES = `## Changes made for these benchmarks

- Indexes (migration \`1764300009000-performance-indexes\`): a region's employers by (stage, size class), so segment
  counts on those fields read the index alone; a region's employers in id order, so the launch's keyset batches
  read one range instead of walking the primary key past every other region; a campaign's active enrolments, so
  "is anyone still active?" after every send and at the end of a launch is one probe, not a walk over the campaign.
- Segments: \`sbiSection eq\` compiles column by column, so the existing \`organisations_employer_sector\` index
  serves it; the preview runs the count and the first page at once on two pool connections, so it waits for
  the slower of the two, not both. The bench's client (benchmarks c, d and the polling of a, b and f) sends its
  requests over node:http with kept-alive sockets instead of fetch, about a millisecond less of the client's own
  time per request.
- Segments, tags (migration \`1764300010000-segment-filter-indexes\`): \`lower_tags(tags)\`, an IMMUTABLE lower-cased
  copy of the array, with a GIN index over employers; \`tag\` eq/neq/in/nin compile to \`lower_tags(o.tags) @> …\` / \`&& …\`
  instead of unnesting every employer's tags. Same results (case-insensitive, as api.md says).
- Segments, SBI section with creation date: index \`(region_id, sbi_version, sbi_section, created_at)\` over
  employers, so "section X created before/after" counts from the index alone.
- Cohorts (migration \`1764300011000-employer-stage-firsts\`): \`employer_stage_firsts\` holds each employer's first
  moment at sw_pilot, own_trajectory-or-later and structural-or-later per region, kept by statement-level triggers
  on \`stage_changes\` (insert: one aggregate per statement; update/delete: recompute the touched employers; truncate:
  empty), so it changes in the same transaction as every stage change, import, erasure or delete.
  \`tests/integration/employer-stage-firsts.test.ts\` checks it equals the aggregate over \`stage_changes\` after
  bulk and single inserts, updates, deletes, random mixes, cascades and truncation; benchmark d checks the same on
  its data before timing.
- Funnel and targets (migration \`1764300030000-stage-report-facts\`), kept by the same kind of triggers:
  \`stage_change_stays\` holds each pipeline stage change with \`left_at\`, the next change's \`at\`, so days in stage
  read the stays that began in the range per stage (no sort of every row by employer for \`lead()\`, one sort per
  stage for both percentiles); \`employer_stage_lasts\` holds each employer's latest row to each stage or a later
  one, so \`reached\` and the stage actuals count one narrow row per employer active since the range's start (only
  employers with rows after the range's end are counted from \`stage_changes\`).
  \`tests/integration/stage-report-facts.test.ts\` checks both equal their aggregates over \`stage_changes\`;
  benchmark d checks the reports' answers against the aggregates before timing.
- Dashboard (migrations \`1764300040000-cohort-members\`, \`1764300041000-stay-length-counts\`,
  \`1764300042000-trajectories-stopped-index\`), kept by the same kind of triggers: \`employer_cohort_members\` holds
  each (region, employer) in an sw_pilot cohort with its start month and the first window (3, 6, 12 months) in which
  it reached own_trajectory / structural (triggers on \`employer_stage_firsts\` and \`trajectories\`), so one
  region's cohorts count index rows per month; \`stay_length_counts\` counts ended stays per (region, stage, start
  month, whole days), so days in stage add the range's whole months from it, read the partial months' stays, count
  the ongoing ones per bucket (see "Days in stage, ongoing stays" below), and sort only the stays of the day bucket
  each percentile falls in (exact: the same float as
  \`percentile_cont\`). \`reached\` and the stage actuals of one region count \`employer_stage_lasts\` rows without
  grouping by employer; \`newToNetwork\` finds each employer's first SW link before checking its region.
  \`tests/integration/report-length-and-cohort-facts.test.ts\` checks both tables equal their aggregates over
  \`stage_changes\` and \`trajectories\` (and that a disabled trigger is noticed), and the percentiles equal a sort
  over every stay for many ranges.
- Trajectory report (migration \`1764300043000-trajectory-starts\`): \`trajectory_starts\` holds every trajectory's
  region, start, route and status with its employer's SBI section and size class, kept by statement-level triggers on
  \`trajectories\` and on \`organisations\` (an employer's new section or size class reaches its trajectories' rows in
  the same statement); a new trajectory's row is written with its employer's row locked FOR SHARE, so an employer update
  committing meanwhile is never missed. "Started in the range" per route, status, section and size class is one
  region's range of a covering index instead of an employer lookup per trajectory (about 7,000 for a year of the
  bench region, three quarters of the report's time); on 2026-11-29 it went from 0.52 of raw to 1.40 (\`--only=d\` runs
  before and after), and from 0.73 to 2.60 in the full runs. \`tests/integration/trajectory-starts.test.ts\` checks it equals the join after random inserts,
  updates, employer updates, deletes, cascades and truncation, and with two writers at once.
- New to the network (migration \`1764300044000-employer-network-firsts\`): the funnel's count of employers whose first
  link to an SW-bedrijf lies in the range grouped every link in the country by employer before it checked the region,
  so each region's funnel sorted the whole country's links. \`employer_network_firsts\` holds each linked employer's
  region and first link date, kept by statement-level triggers on \`network_links\` and \`organisations\` (a moved
  employer, a changed kind) under a per-employer advisory lock; the count is one region's range of its index. On the
  bench region's 20,000 links the statement went from 15–16 ms to 0.4 ms (same count); the funnel's time is its
  slowest statement, days in stage, so the funnel stayed at 44–56 ms, and the dashboard went from 70–76 ms to
  64–74 ms (three \`--only=d\` runs each, old and new build alternating, 2026-11-29).
  \`tests/integration/employer-network-firsts.test.ts\` checks it equals the grouping after random link, region, kind
  and delete steps, and with two writers of one employer's links at once.
- Days in stage, ongoing stays (no migration): the funnel's percentiles hashed each ongoing stay of the range (about
  20,000 for the bench region) into its whole-day bucket, a third of the statement's time, and numbered the values of
  each wanted bucket with a window before joining them back. Now each stage's ongoing starts come as one sorted array
  (for one region in the index's order), and a bucket's count is the difference of two binary searches (\`width_bucket\`) for its bounds,
  \`now − k·86,400 s\` (exact: \`now − start\` floors to the same whole days); a wanted bucket's values are sorted only
  up to the highest rank wanted from it. On the bench region, in process (medians of 15 calls; two rounds of the old
  statement, one of the new), the statement took 56–62 ms against 34 ms. Three \`--only=d\` runs each, old and new
  build alternating (2026-11-30, a slow host): the funnel 71.9–74.3 ms against 46.2–47.3 ms, the dashboard
  107.3–112.2 ms against 79.8–83.5 ms.
  \`tests/integration/report-length-and-cohort-facts.test.ts\` also checks ongoing stays that began on a bucket's
  bound and a microsecond either side of it, at \`now\` and after it, beside an ended stay in the same bucket, for one
  region and for several.
- Segments, tag counts (migration \`1764300020000-employer-tags\`): \`employer_tags\` holds one row per (region,
  lower-cased tag, employer), kept by statement-level triggers on \`organisations\` (insert: one \`INSERT … SELECT\` per
  statement; update: only employers whose tags, region or kind changed; delete: cascade); a filter that is one
  \`tag eq\` / \`tag in\` alone is counted from its deduplicated \`(region_id, tag)\` btree, an index-only scan.
  \`tests/integration/employer-tags.test.ts\` checks it equals the base data after inserts, updates, upserts, deletes
  and random mixes.
- HTTP: \`GET /api/employers/:id\` reads the employer with one plain statement instead of a TypeORM query builder and
  entity per request.
- HTTP, every signed-in request: the rate limiter's Redis call and the auth guard's user read run side by side
  (\`apps/api/auth/request-principal.ts\`) instead of one after the other. Under load each wait in a row also waits
  behind the other requests' work: at 577 employer reads a second, the share answered by the api within 25 ms went
  from 91 % to 98 % (the api's own request histogram, a single run each). A budget this api has seen refused skips
  that read (\`apps/api/http/recently-refused.ts\`), so a flood over the limit still costs no database reads.
- HTTP, every request through Express: Express gives each request and response its app's prototypes with
  \`Object.setPrototypeOf\` (\`app.handle\`), which V8 pays for dearly on an object it has already built. The api's HTTP
  server now creates them with those prototypes (\`apps/api/http/prototyped-express-adapter.ts\`: subclasses of Node's
  IncomingMessage and ServerResponse whose prototypes become \`app.request\` and \`app.response\`), so Express's call
  changes nothing. A bare Express app answered three times as many requests a second flat out; in the api, 0.3 MB
  instead of 1.7 MB per scavenge went to the old generation at 500 paced employer reads a second, so a full
  collection came every 6–10 s instead of every 3 s. Four \`--only=e\` runs each, old and new build alternating
  (2026-11-29; two of the four with an earlier form of the change): the employer read flat out 620–901 against
  506–618 requests a second, the paced p99 26–105 ms against 76–119 ms. The live probe, which never reaches
  Express, is unchanged (five 4 s autocannon rounds each, alternating: median 28,088 against 27,904 a second).
- Live probe: its answer's headers go to \`writeHead\` as one flat list of names and values, and its request id is chosen
  without \`setHeader\` (\`apps/api/http/live-probe.ts\`): Node checks and stores the names of a header object, and
  of every \`setHeader\`, one by one before it writes them, and a flat list goes as it stands. In a bare \`node:http\`
  server (four 4 s autocannon rounds each), \`setHeader\` and a header object answered 18,400–19,800 requests a second,
  the flat list 21,500–23,900, the bare hello 23,500–25,700. Two \`--only=e\` runs each, old and new build
  alternating (2026-11-30, a slow host): the HTTP-only api's live probe 12,708 and 13,402 a second (0.58 of bare
  both times) against 15,012 and 15,882 (0.68 and 0.69).
- Send path: nodemailer's SMTP pool runs in a worker thread of its own (\`libs/core/src/mail/smtp-pool-thread.ts\`),
  started at the first message and stopped after 30 s idle. Building MIME and writing it to the sockets was about
  40 % of the api's main-thread time while sending (\`--cpu-prof\`); in the thread it runs beside the database and
  queue work on the other core. Three \`--only=b\` runs each, old and new build alternating (2026-11-30): ours 959,
  999 and 964 messages a second against 770, 849 and 838 (0.70, 0.71, 0.74 of raw against 0.57, 0.65, 0.62). The
  price is memory: a worker thread takes about 10 MB, nodemailer in it another 10; the api's peak RSS while sending
  was 197–200 MB against 172–177 MB in those runs (\`--only=b\`; in a full run the api has launched campaigns
  before b, and peaked at 208 MB there already without the thread). Both builds compute the Dutch public holidays
  instead of loading \`date-holidays\` (with moment-timezone and every country's rules: 23 MB of RSS in a bare Node
  process; one \`--only=b\` run before that change peaked at 184 MB); the spec checks the dates against the package
  for every year 1950–2400.
- Send path: email-send jobs (still one per ledger row, with their own retries) are gathered into batches of up to
  32 (\`MicroBatcher\`: a job waits at most 5 ms for others; 128 jobs in flight per worker, so several batches
  overlap). A batch costs about a dozen statements instead of about fifteen per message: one read of the rows, one
  claim under the campaigns' locks, one \`FOR UPDATE\` read of every enrolment with all the send-time state, one
  suppression lookup, one pressure lock and lookup, one read of the render contexts, one \`sent\` record (the erased-
  recipient rule folded in), one move of the enrolments. Rows of one contact go to separate batches, so contact
  pressure is still judged one message at a time. html-to-text is compiled once instead of per message, and the
  Amsterdam offset is cached per UTC hour (\`Intl\` per call was 3% of the send path). The dispatcher writes a
  batch's ledger rows in one statement and adds its Redis jobs 100 at a time.
- Send path, per-message cost (2026-11-30, a slow host, where b missed with the build before): CPU per message by
  process and thread (\`/proc\` during ours' rounds, a probe outside the bench) showed the machine's two cores full,
  with PostgreSQL at about 490 µs a message and, in its statement log, more time parsing and planning the batch's
  statements than running them (the \`FOR UPDATE\` read of the enrolments joins eight tables: planning it took about
  3.5 ms a batch). (1) The send path's per-batch statements run as named prepared statements
  (\`queryPrepared\`, \`libs/core/src/database/prepared-statement.ts\`): each connection parses them once and, after
  five runs, PostgreSQL may keep one generic plan (in the log it did: binding the enrolment read fell from 3.5 ms to
  0.5 ms a batch); PostgreSQL went to about 280 µs a message (the same probe, four rounds). (2) The dispatcher adds e-mail jobs 100 at a
  time in two Redis pipelines (which ids Redis still holds, then \`addBulk\`) instead of a lookup and an add per job
  (\`addManyUnlessPending\`). Three \`--only=b\` runs each, old and new build alternating (old = before both): ours
  910, 1,022 and 970 messages a second against 1,107, 1,135 and 1,100 (0.64, 0.75, 0.73 of raw against 0.87, 0.85,
  0.80). (3) The SMTP thread captures no stack traces: \`stream.pipeline\`, which nodemailer runs per message part,
  aborts a signal when it finishes, and the abort's \`DOMException\` captured a stack each time (about 8% of the
  thread's profile); the thread went from about 540 to 490 µs a message (four rounds each, the probe above).
- Send path, SMTP connections: each pooled connection carries up to 1,000 messages (\`maxMessages\`; nodemailer's
  default closes it after 100 and, its queue full, opens the next 100 ms later, so its five connections stood still
  together for 100 ms every 500 messages). See b for the raw pool with the same setting beside the default.
- Launch: 5,000 employers per batch instead of 1,000 (the per-batch locks and checkpoint cost a third of a large launch).
- Memory: the api and the worker run with \`${HEAP_ARGS}\` (\`npm start\`, \`npm run start:worker\`,
  \`npm run demo\`, the Docker image's \`NODE_OPTIONS\`, and the bench's api: \`PRODUCTION_HEAP_ARGS\` in
  \`tests/bench/lib/api-process.mjs\`): 4 MB semi-spaces instead of V8's 16 MB, and an old-space limit low
  enough that V8 collects before the heap doubles, with room left for reports and segment counts
  (see **Memory** above).
- Collector threads: the api and the worker run with \`--v8-pool-size=1\` (the start scripts, the Docker image's
  and compose's \`NODE_OPTIONS\`, the bench's api): V8's four helper threads for collection and compilation otherwise
  take CPU from PostgreSQL, Redis and the main thread on a 2-core machine just when a collection runs. A thread
  monitor during b showed the four at 150–400 ms of CPU a second together. Alternating runs on 2026-11-30
  (\`BENCH_API_NODE_ARGS\`): e's paced p99 14–35 ms with one thread against 41–72 ms with four (five runs each);
  b 1,078–1,204 messages a second against 1,013–1,229, 0.65–0.72 of raw against 0.60–0.66 (four runs each: a
  small gain at most, within b's run-to-run noise).
  On a machine with more cores, a larger pool may serve better; the flag is in the start scripts, not in code.
- Import memory: the upload is stored in 32 KB chunks (was 1 MB) through one refilled buffer, the stored file is read
  back 32 KB at a time (older, larger chunks in slices), and a batch's temporary table is loaded 100 rows per
  statement; a 100,000-row import's peak api RSS went from 204–216 MB to 180–188 MB (alternating runs, same machine).
- Import lookups (2026-12-01): stored employers are found with one probe of the unique (region, KvK) key per row
  (\`LATERAL … LIMIT 1\`) and locked through their ids as one array. The plain join before was merge-joined on the
  region alone when PostgreSQL's statistics lacked the region imported into (an id sorting below the others'),
  comparing each stored employer of that region with every row of the batch: in the full run of 2026-12-01 02:08 the
  100,000-row import fell to 0.03 of \`COPY\`, slowing as its region filled (395 rows a second in its first
  quarter, 128 in its last). With 50,000 such employers beside a million others, one batch's lookup took 3,345 ms
  before and 3.9 ms with the final statement (\`EXPLAIN ANALYZE\` on a bench database kept for it). The trajectory
  import compared the char(8) column with text, so only the trigram index served: 33 ms a pair on a million
  employers, 0.2 ms now.
  \`tests/integration/import-lookup-plans.test.ts\` checks both plans under such statistics.
- Already in place before issue 8, and kept: compiled templates cached per version (\`CompiledTemplateCache\`), one
  pooled SMTP transport per process, the launch streaming the segment in keyset batches with one set-based
  statement per batch, the import applying each batch set-based over a temporary table, the dispatcher keeping at
  most 2,000 e-mail jobs in Redis (ids only).`;

/**
 * How the api's memory is measured and where the import's and the launch's memory goes. The figures of a
 * run come from the benchmarks themselves: f's table (the import's peak RSS) and a's memory check (the
 * large launch's RSS and Redis), whose report() gives `memory`.
 */
const MEMORY_INTRO = `RSS is read from \`/proc/<pid>/status\` every 100 ms. The bench's api runs with the heap flags users run
(\`${HEAP_ARGS}\`, as \`npm start\` and the Docker image). To measure one thing on a fresh api:
\`npm run bench -- --profile=tiny --only=f --importLargeEmployers=100000\` (one import of 100,000 rows),
the same with \`BENCH_API_NODE_ARGS="<flags>"\` to add node flags after those, and
\`npm run bench -- --profile=tiny --only=a --memoryLaunchContacts=<n>\` for one launch of <n> contacts; V8's heap
spaces are on \`GET /metrics\` (\`nodejs_heap_space_size_total_bytes\`).

**Where the import's memory goes.** Nothing of the file is held whole: the upload streams through a multer storage
engine (\`ImportStorageEngine\`) into PostgreSQL in 32 KB chunks; the counting pass and the applying pass each read
those chunks back one at a time through \`csv-parse\`; rows are applied in batches of 500 (\`IMPORT_BATCH_SIZE\`) over a
temporary table, set-based, and each batch's row errors go to \`import_row_errors\` in the batch's transaction — no
array of all rows, results, errors or audit entries exists. A fresh idle api holds about 135–145 MB; a 100,000-row
import adds about 35–45 MB to that, in two parts. (1) V8's old generation grows to about 1.4 times its live size
before a full collection (V8's factor for a 512 MB limit): the idle api's ~60 MB of live heap plus batch data that
outlives young-generation collections takes the heap from ~80 to ~95–100 MB. (2) Memory outside the JavaScript heap:
every chunk the upload and the two read passes handle is a Node buffer that is freed only at V8's next collection,
and malloc keeps what it once held. An upload makes little other garbage, so with a new buffer per chunk 20–35 MB of
dropped buffers piled up during a 20 MB upload. Hence one buffer refilled for every chunk of an upload (its buffers
at once: ~6 MB), 32 KB chunks, whose hex text (twice the size) stays below V8's large-object size of 128 KB and goes
at the next scavenge (a 1 MB chunk came back as a 2 MB string that only a full collection frees), and the batch's
temporary table loaded 100 rows per statement for the same reason. Hence also the heap flags above: a
small young generation, and an old-space limit at which V8 grows the heap by a smaller factor. This run's
figures for the import are in section f.

**What the idle api holds.** Most of it is code: the source text of the ~2,500 CommonJS and ~1,000 ES modules loaded
at boot (TypeORM with every driver, lodash, js-yaml and the OpenAPI document, bull-board, BullMQ's scripts), compiled
code and hidden classes; plus the young generation and the part outside the JavaScript heap (the node binary, V8, ICU,
OpenSSL, libuv, malloc). \`--max-semi-space-size=4\` is the cheap cut; loading fewer modules (TypeORM loads every
driver; the OpenAPI and queue-board stacks load eagerly) would be the next step and is not cheap.

**Launch.** The launch job streams the segment's employer ids in keyset batches of 5,000 (\`streamEmployerIds\`,
\`id > last\` … \`LIMIT\`) and enrols each batch with one \`INSERT … SELECT\`; no array larger than a batch exists, and
the audience never enters Redis, so the launch's memory should not grow with the audience.`;
const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const NAMES = {
  a: 'a. Launch a campaign',
  b: 'b. Send throughput',
  c: 'c. Segment count and first page',
  d: 'd. Funnel and cohort reports',
  e: 'e. HTTP under autocannon',
  f: 'f. CSV import',
  g: 'g. Embedded PostgreSQL',
};

export function writeMarkdown({ facts, profileName, profile, sections, minutes, args, partial = false }) {
  const byId = new Map(sections.map((s) => [s.bench.id, s]));
  const summary = [];
  for (const { result, bench } of sections) {
    if (!result) continue;
    for (const line of bench.report(result).summary ?? []) summary.push(line);
  }
  const summaryRows = summary.map(summaryRow);
  const body = LETTERS.map((id) => {
    const section = byId.get(id);
    if (!section && partial)
      return `## ${NAMES[id]}\n\nNot measured yet: the run was still going (or was cut short) when this was written.`;
    if (!section) return `## ${NAMES[id]}\n\nNot run in this run (\`--only=${args.only ?? ''}\`).`;
    if (section.error)
      return `## ${NAMES[id]}\n\n**Failed in this run**, no figures: \`${section.error.replace(/`/g, "'")}\``;
    return `## ${NAMES[id]}\n\n${section.bench.report(section.result).text}`;
  });
  const launchSection = byId.get('a');
  const launchMemory = launchSection?.result
    ? launchSection.bench.report(launchSection.result).memory
    : 'The launch was not measured in this run.';
  const gib = facts.memoryGiB.toFixed(1);
  return `# Benchmarks

Command: \`npm run bench\` (builds, then \`node tests/bench/run.mjs\`; ${profileName === 'full' ? 'the full profile' : `profile **${profileName}**`}).
\`npm run bench:tiny\` runs every benchmark on tiny data in seconds; \`tests/e2e/bench-tiny.test.ts\` runs it in CI and
asserts that every benchmark ran and its correctness checks held (not its timings). \`--only=c,d\` picks benchmarks.
The code is in \`tests/bench/\` (\`run.mjs\`, one \`*.bench.mjs\` per benchmark, \`lib/\` for the harness).

Method: every benchmark measures our path and the raw baseline **in the same run**: one warm-up of each, then
${profile.runs} rounds in which ours and raw alternate (the order flips each round), so load from other work hits both
alike (c, whose calls take milliseconds, mixes them call by call instead: see c); reported as median (min–max).
Each run is checked for correctness (counts, ids, every message at the sink exactly once, every row present); a
failed check fails the run. Data are generated with \`generate_series\` in a
database of its own, dropped afterwards. Ours runs on the built api (\`dist/apps/api/main.js\`, \`WORKERS=inline\`,
its own PostgreSQL database and Redis queue prefix) in a process of its own, except c's "in process" side, which
runs our preview service from the built libs in the bench process; the raw baselines run in the bench process; the
SMTP sink is a third process.

Machine: ${facts.cpu}, ${facts.cores} cores, ${gib} GiB RAM; Node ${facts.node}; PostgreSQL ${facts.postgres};
Redis ${facts.redis}. Run on ${facts.date.slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(1)} minutes.
Load average ${facts.load.map((x) => x.toFixed(2)).join(' / ')} at the start, ${facts.loadAtStart?.map((x) => x.toFixed(2)).join(' / ') ?? '–'} when the timings began
(on 2 cores, above 2 means other work shared them and absolute times are noisy; the ratios compare ours and raw
measured alternately under the same load).

## Ratios at a glance

"ratio" is ours ÷ raw as throughput (raw time ÷ our time for timings): 1.00 = as fast as the raw baseline. Where the
goal is a time, "met" judges the time, and the ratio beside it is reported, not judged.

| benchmark | ratio | goal | met | notes |
|---|---|---|---|---|
${summaryRows.join('\n')}

${body.join('\n\n')}

## Memory: the import's and the launch's peak RSS

${MEMORY_INTRO}
${launchMemory}

${CHANGES}
`;
}
