import { projectPath } from '@app/core';

interface SideStats {
  median: number;
  min: number;
  max: number;
  runs: number;
}
interface Side {
  run: () => Promise<unknown>;
  check?: (value: unknown) => void;
}
type CompareInterleaved = (options: {
  sides: Record<string, Side>;
  runs: number;
  callsPerRun: number;
}) => Promise<Record<string, SideStats>>;

/** c's timing (tests/bench/segments.bench.mjs): calls of every side interleaved, the warm-up run left out. */
describe('the bench harness, interleaved calls', () => {
  let compareInterleaved: CompareInterleaved;

  beforeAll(async () => {
    ({ compareInterleaved } = (await import(projectPath('tests/bench/lib/harness.mjs'))) as {
      compareInterleaved: CompareInterleaved;
    });
  });

  it('should report each side per call, rotate the order each round and check every call after the warm-up run', async () => {
    const calls: string[] = [];
    const checked: string[] = [];
    const side = (name: string, ms: number): Side => ({
      run: async () => {
        calls.push(name);
        await new Promise((resolve) => setTimeout(resolve, ms));
        return name;
      },
      check: (value) => checked.push(String(value)),
    });

    const result = await compareInterleaved({
      sides: { slow: side('slow', 30), quick: side('quick', 1), third: side('third', 1) },
      runs: 2,
      callsPerRun: 3,
    });

    // (1 warm-up + 2 runs) × 3 rounds × 3 sides, each call checked.
    expect(calls).toHaveLength(27);
    expect(checked).toEqual(calls);
    // The order rotates, and reverses every other round: each side is first once in the first three rounds.
    expect(calls.slice(0, 9)).toEqual(['slow', 'quick', 'third', 'slow', 'third', 'quick', 'third', 'slow', 'quick']);
    expect(result.slow.runs).toBe(2);
    // Per call, not per run of 3 calls.
    expect(result.slow.median).toBeGreaterThanOrEqual(29);
    expect(result.slow.median).toBeLessThan(80);
    expect(result.quick.median).toBeLessThan(result.slow.median);
  });

  it('should fail the comparison when a check fails', async () => {
    const failing: Side = {
      run: async () => 'wrong',
      check: () => {
        throw new Error('total 1 ≠ 2');
      },
    };
    await expect(compareInterleaved({ sides: { failing }, runs: 1, callsPerRun: 1 })).rejects.toThrow('total 1 ≠ 2');
  });
});
