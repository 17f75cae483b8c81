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
  prepare?: () => void;
}
type CompareInterleaved = (options: {
  sides: Record<string, Side>;
  runs: number;
  callsPerRun?: number;
}) => Promise<Record<string, SideStats>>;

/** c's timing (tests/bench/segments.bench.mjs): one call of every side per round, the warm-up run left out. */
describe('the bench harness, interleaved calls', () => {
  let compareInterleaved: CompareInterleaved;

  beforeAll(async () => {
    ({ compareInterleaved } = (await import(projectPath('tests/bench/lib/harness.mjs'))) as {
      compareInterleaved: CompareInterleaved;
    });
  });

  const recording = (calls: string[], checked: string[], name: string, ms = 0): Side => ({
    run: async () => {
      calls.push(name);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return name;
    },
    check: (value) => checked.push(String(value)),
  });

  it("should report each side's mean per call and check every call, leaving the warm-up run out of the figures", async () => {
    const calls: string[] = [];
    const checked: string[] = [];
    const result = await compareInterleaved({
      sides: {
        slow: recording(calls, checked, 'slow', 30),
        quick: recording(calls, checked, 'quick', 1),
        third: recording(calls, checked, 'third', 1),
      },
      runs: 2,
      callsPerRun: 3,
    });

    // (1 warm-up + 2 runs) × 3 rounds × 3 sides, each call checked, warm-up included.
    expect(calls).toHaveLength(27);
    expect(checked).toEqual(calls);
    // Every round calls every side once.
    for (let round = 0; round < 9; round++)
      expect([...calls.slice(round * 3, round * 3 + 3)].sort()).toEqual(['quick', 'slow', 'third']);
    expect(result.slow.runs).toBe(2);
    // Per call, not per run of 3 calls.
    expect(result.slow.median).toBeGreaterThanOrEqual(29);
    expect(result.slow.median).toBeLessThan(80);
    expect(result.quick.median).toBeLessThan(result.slow.median);
  });

  it.each([[['ours', 'inProcess', 'raw', 'rawAtOnce']], [['ours', 'inProcess', 'raw', 'rawAtOnce', 'side']]])(
    'should put every side after every other and in every place of a round, so no side always follows the same ones (%j)',
    async (names) => {
      const calls: string[] = [];
      await compareInterleaved({
        sides: Object.fromEntries(names.map((name) => [name, recording(calls, [], name)])),
        runs: 1,
        callsPerRun: 10,
      });

      const n = names.length;
      const rounds = Array.from({ length: calls.length / n }, (_, k) => calls.slice(k * n, k * n + n));
      const followed = new Set(rounds.flatMap((round) => round.slice(1).map((name, k) => `${round[k]}→${name}`)));
      for (const before of names)
        for (const after of names) if (before !== after) expect(followed).toContain(`${before}→${after}`);
      for (let place = 0; place < n; place++)
        expect(new Set(rounds.map((round) => round[place]))).toEqual(new Set(names));
    },
  );

  it('should fail the comparison when a check fails', async () => {
    const failing: Side = {
      run: async () => 'wrong',
      check: () => {
        throw new Error('total 1 ≠ 2');
      },
    };
    await expect(compareInterleaved({ sides: { failing }, runs: 1, callsPerRun: 1 })).rejects.toThrow('total 1 ≠ 2');
  });

  it('should refuse a missing number of calls and a side that needs preparing, which it would not time right', async () => {
    const side: Side = { run: async () => 1 };
    await expect(compareInterleaved({ sides: { side }, runs: 1 })).rejects.toThrow('callsPerRun');
    await expect(
      compareInterleaved({ sides: { side: { ...side, prepare: () => undefined } }, runs: 1, callsPerRun: 1 }),
    ).rejects.toThrow('prepare');
  });
});
