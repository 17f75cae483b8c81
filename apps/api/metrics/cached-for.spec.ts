import { FixedClock } from '@app/core';
import { cachedFor } from './cached-for';

describe('cachedFor', () => {
  it('should load once when calls come within the time and again when it has passed', async () => {
    const clock = new FixedClock(new Date('2026-01-05T10:00:00Z'));
    let loads = 0;
    const cached = cachedFor(async () => ++loads, 30_000, clock);

    expect(await Promise.all([cached(), cached()])).toEqual([1, 1]);
    clock.advance(29_999);
    expect(await cached()).toBe(1);
    clock.advance(1);
    expect(await cached()).toBe(2);
    expect(loads).toBe(2);
  });

  it('should try again at once when a load failed', async () => {
    const clock = new FixedClock(new Date('2026-01-05T10:00:00Z'));
    let calls = 0;
    const cached = cachedFor(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
        return 'figures';
      },
      30_000,
      clock,
    );

    await expect(cached()).rejects.toThrow('database down');
    expect(await cached()).toBe('figures');
  });
});
