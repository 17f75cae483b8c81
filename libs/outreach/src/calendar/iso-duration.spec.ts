import { parseWaitDuration } from './iso-duration';

describe('parseWaitDuration', () => {
  it.each([
    ['P3D', 3, 0],
    ['PT2S', 0, 2_000],
    ['PT30M', 0, 1_800_000],
    ['PT4H', 0, 14_400_000],
    ['P1DT12H', 1, 43_200_000],
    ['P2DT1H2M3S', 2, 3_723_000],
    ['P365D', 365, 0],
    ['PT8760H', 0, 31_536_000_000],
  ])('should read %s as %d days and %d ms when it is well-formed', (raw, days, milliseconds) => {
    expect(parseWaitDuration(raw)).toEqual({ ok: true, value: { days, milliseconds } });
  });

  it.each(['', 'P', 'PT', 'P1DT', '3D', 'p3d', 'P1.5D', 'PT-1H', 'P-1D', 'P3 D', 'PT1H30', 'P1H', 'tomorrow'])(
    'should refuse %p when it is not a duration in days and time',
    (raw) => {
      expect(parseWaitDuration(raw)).toEqual({ ok: false, problem: expect.stringContaining('ISO-8601') });
    },
  );

  it.each(['P1Y', 'P1M', 'P2W', 'P1Y2M', 'P1WT2H'])('should refuse %p when it uses years, months or weeks', (raw) => {
    expect(parseWaitDuration(raw)).toEqual({ ok: false, problem: expect.stringContaining('count in days') });
  });

  it.each(['P0D', 'PT0S', 'P0DT0H0M0S'])('should refuse %p when it lasts no time at all', (raw) => {
    expect(parseWaitDuration(raw)).toEqual({ ok: false, problem: 'must be longer than zero' });
  });

  it.each(['P366D', 'P365DT1S', 'PT8761H', 'PT99999999999S'])(
    'should refuse %p when it is longer than a year',
    (raw) => {
      expect(parseWaitDuration(raw)).toEqual({ ok: false, problem: 'must be at most one year (365 days)' });
    },
  );
});
