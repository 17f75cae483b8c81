import { describe, expect, it } from 'vitest';
import { createLimiter } from './limit';

/** A task that finishes when told to, recording how many tasks ran at its start. */
function deferred(log: { running: number; peak: number }) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const task = () => {
    log.running += 1;
    log.peak = Math.max(log.peak, log.running);
    return new Promise<string>((resolve, reject) => {
      finish = (value) => (log.running--, resolve(value));
      fail = (error) => (log.running--, reject(error));
    });
  };
  return { task, finish: (value: string) => finish(value), fail: (error: Error) => fail(error) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLimiter', () => {
  it('should run at most max tasks at once and start the waiting ones in order as slots free up', async () => {
    const limit = createLimiter(2);
    const log = { running: 0, peak: 0 };
    const tasks = Array.from({ length: 5 }, () => deferred(log));
    const started: number[] = [];
    const results = tasks.map((t, i) => limit(() => (started.push(i), t.task())));
    await settle();
    expect(started).toEqual([0, 1]);
    tasks[1].finish('b');
    await settle();
    expect(started).toEqual([0, 1, 2]);
    tasks[0].finish('a');
    tasks[2].finish('c');
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    tasks[3].finish('d');
    tasks[4].finish('e');
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(log.peak).toBe(2);
  });

  it('should free the slot of a task that fails and pass its error on', async () => {
    const limit = createLimiter(1);
    const log = { running: 0, peak: 0 };
    const [first, second] = [deferred(log), deferred(log)];
    const failing = limit(first.task);
    const next = limit(second.task);
    await settle();
    first.fail(new Error('count failed'));
    await expect(failing).rejects.toThrow('count failed');
    await settle();
    second.finish('ok');
    expect(await next).toBe('ok');
    expect(log.peak).toBe(1);
  });
});
