import { describe, expect, it } from 'vitest';
import {
  amsterdamToday,
  isDate,
  periodLabel,
  rangePresets,
  rangeProblem,
  searchFromState,
  stateFromSearch,
  targetPeriodOptions,
  yearBefore,
} from './dashboard-state';

const defaults = { today: '2026-11-29', regionId: 'r1' };

describe('dashboard state in the address bar', () => {
  it('should give back the same address when the state is read from it and written again', () => {
    const search = '?regio=r2&van=2026-01-01&tot=2026-06-30&cohort=maand&doel=2026-Q2';
    expect(searchFromState(stateFromSearch(new URLSearchParams(search), defaults))).toBe(search);
  });

  it('should start with the twelve months up to today, the only region, quarters and this year when the address is empty', () => {
    expect(stateFromSearch(new URLSearchParams(''), defaults)).toEqual({
      regionId: 'r1',
      from: '2025-11-30',
      to: '2026-11-29',
      by: 'quarter',
      targetPeriod: '2026',
    });
  });

  it('should keep "all regions" when the address asks for it with an empty region', () => {
    expect(stateFromSearch(new URLSearchParams('regio='), defaults).regionId).toBe('');
  });

  it('should fall back to the defaults for malformed dates, groupings and periods', () => {
    const state = stateFromSearch(
      new URLSearchParams('van=2026-02-30&tot=gisteren&cohort=week&doel=2026-Q5'),
      defaults,
    );
    expect(state).toMatchObject({ from: '2025-11-30', to: '2026-11-29', by: 'quarter', targetPeriod: '2026' });
  });

  it('should take the targets year from the end of the chosen range when none is given', () => {
    expect(stateFromSearch(new URLSearchParams('van=2024-01-01&tot=2024-12-31'), defaults).targetPeriod).toBe('2024');
  });

  it('should report a range whose start lies after its end', () => {
    expect(rangeProblem({ from: '2026-05-01', to: '2026-04-30' })).toMatch(/na de einddatum/);
    expect(rangeProblem({ from: '2026-04-30', to: '2026-04-30' })).toBeNull();
  });
});

describe('dates and periods', () => {
  it('should accept real calendar days only', () => {
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('2027-1-01')).toBe(false);
  });

  it('should start twelve months back the day after the same date, as the api does', () => {
    expect(yearBefore('2026-11-29')).toBe('2025-11-30');
    expect(yearBefore('2026-12-31')).toBe('2026-01-01');
    expect(yearBefore('2028-02-29')).toBe('2027-03-01');
  });

  it('should offer this year to today, last calendar year and the last twelve months', () => {
    expect(rangePresets('2026-11-29')).toEqual([
      { label: 'Dit jaar', from: '2026-01-01', to: '2026-11-29' },
      { label: 'Vorig jaar', from: '2025-01-01', to: '2025-12-31' },
      { label: 'Laatste 12 maanden', from: '2025-11-30', to: '2026-11-29' },
    ]);
  });

  it('should take today in Amsterdam, which is already tomorrow late in the UTC evening', () => {
    expect(amsterdamToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(amsterdamToday(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('should offer years and quarters around today, and keep a chosen period from further away', () => {
    const values = targetPeriodOptions('2026-11-29', '2022-Q3').map((option) => option.value);
    expect(values.slice(0, 3)).toEqual(['2022-Q3', '2025', '2025-Q1']);
    expect(values).toContain('2027-Q4');
    expect(values).toHaveLength(16);
  });

  it('should name quarters and months in Dutch', () => {
    expect(periodLabel('2027-Q1')).toBe('1e kwartaal 2027');
    expect(periodLabel('2027-03')).toBe('mrt 2027');
    expect(periodLabel('2027')).toBe('2027');
  });
});
