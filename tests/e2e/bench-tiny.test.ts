import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectPath } from '@app/core';
import { builtEntry } from '../support/built-process';

interface BenchSummary {
  profile: string;
  failures: { id: string; error: string }[];
  sections: { id: string; error: string | null }[];
}

/**
 * Keeps `npm run bench` from rotting (issue 8): the tiny profile runs every benchmark (a–g) end to end on tiny
 * data — our path and the raw baseline, with their correctness checks (every row present, every message at the
 * sink exactly once, answers equal to the raw SQL's). Timings are not asserted: they mean nothing at this size.
 */
describe('benchmarks, tiny profile', () => {
  let dir: string;

  beforeAll(() => {
    builtEntry('apps/api/main.js');
    dir = mkdtempSync(path.join(tmpdir(), 'vw-bench-tiny-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should run every benchmark with its correctness checks passing when run on tiny data', async () => {
    const json = path.join(dir, 'bench.json');
    const markdown = path.join(dir, 'benchmarks.md');
    const child = spawn(
      process.execPath,
      [projectPath('tests/bench/run.mjs'), '--profile=tiny', `--json=${json}`, `--out=${markdown}`],
      { cwd: projectPath('.'), env: { ...process.env, BENCH_KEEP: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    if (code !== 0) throw new Error(`bench exited ${code}:\n${output}`);
    const summary = JSON.parse(readFileSync(json, 'utf8')) as BenchSummary;
    expect(summary.failures).toEqual([]);
    expect(summary.sections.map((section) => section.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const text = readFileSync(markdown, 'utf8');
    expect(text).toContain('## Ratios at a glance');
    expect(text).not.toContain('Failed in this run');
    expect(text).toMatch(/One import of \*\*300 rows\*\*[\s\S]*While it ran: rows a second per quarter/);
    // c times the filter language in process beside the HTTP path, on the external and the embedded server: one
    // row per case in the ratio table for each, and g's own table repeats its rows without the prefix.
    expect(text.match(/^\| c [^|]*: filter language in process, vs raw SQL in a row \|/gm)).toHaveLength(6);
    expect(text.match(/^\| g embedded: c [^|]*: filter language in process, vs raw SQL in a row \|/gm)).toHaveLength(3);
    // Over HTTP, c's goal is the time (≤ 50 ms), judged; the ratio beside it is reported.
    expect(
      text.match(/^\| c [^|]*: over HTTP, count and first 20 \| [\d.]+ \| time ≤ 50 ms \| (yes|\*\*no\*\*) \|/gm),
    ).toHaveLength(6);
    // c's runs are several calls of every side, interleaved; every call is checked.
    expect(text).toMatch(/Each run,\s+after a warm-up run, is\s+2 rounds in which every side makes one call/);
    // e reports the paced seconds straight after the floods apart from the measured run after them, whose tail it
    // places in time.
    expect(text).toMatch(/straight after the floods[^:]*: p50 \d+ ms,\s+p99 \d+ ms\./);
    expect(text).toMatch(/the p99 of each 1 s: \d+ ms\./);
  }, 240_000);
});
