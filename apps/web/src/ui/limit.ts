/**
 * At most `max` of the tasks given to the returned function run at once; the rest wait in order. For screens
 * that would otherwise send one request per row at the same moment: the segment list asks one segment count per
 * row, and each count holds two of the api's database connections while it runs (docs/benchmarks.md, c).
 */
export function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
