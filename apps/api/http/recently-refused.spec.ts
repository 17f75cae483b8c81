import { RecentlyRefused } from './recently-refused';

describe('RecentlyRefused', () => {
  it('should hold a refused key until its block ends', () => {
    let now = 1_000_000;
    const refused = new RecentlyRefused(() => now);
    refused.add('user:a', 30);
    expect(refused.has('user:a')).toBe(true);
    expect(refused.has('user:b')).toBe(false);
    now += 29_999;
    expect(refused.has('user:a')).toBe(true);
    now += 1;
    expect(refused.has('user:a')).toBe(false);
  });

  it('should let the oldest key go first when it holds 10,000', () => {
    const refused = new RecentlyRefused(() => 0);
    for (let i = 0; i < 10_001; i++) refused.add(`user:${i}`, 60);
    expect(refused.has('user:0')).toBe(false);
    expect(refused.has('user:1')).toBe(true);
    expect(refused.has('user:10000')).toBe(true);
  });
});
