import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  const doubling = () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (inputs) => {
        batches.push(inputs);
        return inputs.map((n) => n * 2);
      },
      { maxSize: 3, lingerMs: 20 },
    );
    return { batches, batcher };
  };

  it('should run a full batch at once and give each caller its own result', async () => {
    const { batches, batcher } = doubling();

    const results = await Promise.all([1, 2, 3].map((n) => batcher.call(n)));

    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('should split calls into batches of at most maxSize', async () => {
    const { batches, batcher } = doubling();

    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.call(n)));

    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('should run a lone call once the linger time has passed', async () => {
    const { batches, batcher } = doubling();
    const started = Date.now();

    expect(await batcher.call(7)).toBe(14);

    expect(batches).toEqual([[7]]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("should reject every call of a batch with the batch's error", async () => {
    const batcher = new MicroBatcher<number, number>(
      async () => {
        throw new Error('database gone');
      },
      { maxSize: 2, lingerMs: 5 },
    );

    const outcomes = await Promise.allSettled([batcher.call(1), batcher.call(2)]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toEqual(new Error('database gone'));
  });
});
