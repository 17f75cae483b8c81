// docs/benchmarks.md: command, machine, the ratios at a glance, then each benchmark's own table.
/** What was changed in the product for these figures (issue 8); kept by hand. */
const CHANGES = `## Changes made for these benchmarks

- Indexes (migration \`1764300009000-performance-indexes\`): a region's employers by (stage, size class), so segment
  counts on those fields read the index alone; a region's employers in id order, so the launch's keyset batches
  read one range instead of walking the primary key past every other region; a campaign's active enrolments, so
  "is anyone still active?" after every send and at the end of a launch is one probe, not a walk over the campaign.
- Segments: \`sbiSection eq\` compiles column by column, so the existing \`organisations_employer_sector\` index
  serves it; the preview runs the count and the first page side by side.
- Launch: 5,000 employers per batch instead of 1,000 (the per-batch locks and checkpoint cost a third of a large launch).
- Already in place before issue 8, and kept: compiled templates cached per version (\`CompiledTemplateCache\`), one
  pooled SMTP transport per process, the launch streaming the segment in keyset batches with one set-based
  statement per batch, the import applying each batch set-based over a temporary table, the dispatcher keeping at
  most 2,000 e-mail jobs in Redis (ids only) and five sends in flight per worker.`;

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
  const summaryRows = summary.map(
    (s) =>
      `| ${s.benchmark} | ${s.ratio === null ? '–' : s.ratio.toFixed(2)} | ${s.goal === null ? '–' : `≥ ${s.goal}`} | ${s.ratio === null || s.goal === null ? '–' : s.ratio >= s.goal ? 'yes' : '**no**'} | ${s.extra ?? ''} |`,
  );
  const body = LETTERS.map((id) => {
    const section = byId.get(id);
    if (!section && partial)
      return `## ${NAMES[id]}\n\nNot measured yet: the run was still going (or was cut short) when this was written.`;
    if (!section) return `## ${NAMES[id]}\n\nNot run in this run (\`--only=${args.only ?? ''}\`).`;
    if (section.error)
      return `## ${NAMES[id]}\n\n**Failed in this run**, no figures: \`${section.error.replace(/`/g, "'")}\``;
    return `## ${NAMES[id]}\n\n${section.bench.report(section.result).text}`;
  });
  const gib = facts.memoryGiB.toFixed(1);
  return `# Benchmarks

Command: \`npm run bench\` (builds, then \`node tests/bench/run.mjs\`; ${profileName === 'full' ? 'the full profile' : `profile **${profileName}**`}).
\`npm run bench:tiny\` runs every benchmark on tiny data in seconds; \`tests/e2e/bench-tiny.test.ts\` runs it in CI and
asserts that every benchmark ran and its correctness checks held (not its timings). \`--only=c,d\` picks benchmarks.
The code is in \`tests/bench/\` (\`run.mjs\`, one \`*.bench.mjs\` per benchmark, \`lib/\` for the harness).

Method: every benchmark measures our path and the raw baseline **in the same run**: one warm-up of each, then
${profile.runs} rounds in which ours and raw alternate (the order flips each round), so load from other work hits both
alike; reported as median (min–max). Each run is checked for correctness (counts, ids, every message at the sink
exactly once, every row present); a failed check fails the run. Data are generated with \`generate_series\` in a
database of its own, dropped afterwards. Ours runs on the built api (\`dist/apps/api/main.js\`, \`WORKERS=inline\`,
its own PostgreSQL database and Redis queue prefix) in a process of its own; the raw baselines run in the bench
process; the SMTP sink is a third process.

Machine: ${facts.cpu}, ${facts.cores} cores, ${gib} GiB RAM; Node ${facts.node}; PostgreSQL ${facts.postgres};
Redis ${facts.redis}. Run on ${facts.date.slice(0, 16).replace('T', ' ')} UTC, ${minutes.toFixed(1)} minutes.
**Other work was running on the machine during this run** (five other engineers' builds and tests shared the two
cores; load average ${facts.load.map((x) => x.toFixed(2)).join(' / ')} at the start, ${facts.loadAtStart?.map((x) => x.toFixed(2)).join(' / ') ?? '–'} when the timings began). Absolute
times are therefore noisy; the ratios compare ours and raw measured alternately under the same load.

## Ratios at a glance

"ratio" is ours ÷ raw as throughput (raw time ÷ our time for timings): 1.00 = as fast as the raw baseline.

| benchmark | ratio | goal | met | notes |
|---|---|---|---|---|
${summaryRows.join('\n')}

${body.join('\n\n')}

${CHANGES}
`;
}
