import { wholeMonths } from './stay-percentiles';

describe('wholeMonths', () => {
  it('should give the whole months inside a range as [first, after last)', () => {
    expect(wholeMonths({ from: '2025-11-30', to: '2026-11-29' })).toEqual(['2025-12-01', '2026-11-01']);
    expect(wholeMonths({ from: '2026-01-01', to: '2026-12-31' })).toEqual(['2026-01-01', '2027-01-01']);
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toEqual(['2024-02-01', '2024-03-01']);
    expect(wholeMonths({ from: '2025-12-02', to: '2026-01-31' })).toEqual(['2026-01-01', '2026-02-01']);
  });

  it('should give an empty pair when the range holds no whole month', () => {
    for (const [from, to] of [
      ['2026-03-05', '2026-03-20'],
      ['2026-03-01', '2026-03-30'],
      ['2026-03-02', '2026-03-31'],
      ['2026-02-15', '2026-03-14'],
      ['2026-12-31', '2027-01-01'],
    ]) {
      const [first, after] = wholeMonths({ from, to });
      expect(first).toBe(after);
    }
  });
});
