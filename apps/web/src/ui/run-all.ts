import { ApiError } from '../api/client';

export interface BulkResult {
  done: number;
  failed: { label: string; message: string }[];
}

/** Runs one request per item, a few at a time, and collects what failed instead of stopping. */
export async function runAll<T>(
  items: T[],
  label: (item: T) => string,
  work: (item: T) => Promise<unknown>,
  onProgress: (done: number) => void,
  concurrency = 4,
): Promise<BulkResult> {
  const result: BulkResult = { done: 0, failed: [] };
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        result.failed.push({ label: label(item), message: error instanceof ApiError ? error.message : String(error) });
      }
      result.done += 1;
      onProgress(result.done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return result;
}
