import { parsePeriod } from './target-period';

describe('parsePeriod', () => {
  it('should read a year as the whole calendar year', () => {
    expect(parsePeriod('2027')).toEqual({
      text: '2027',
      year: 2027,
      quarter: null,
      from: '2027-01-01',
      to: '2027-12-31',
    });
  });

  it('should read each quarter with its first and last day', () => {
    expect(parsePeriod('2027-Q1')).toMatchObject({ text: '2027-Q1', quarter: 1, from: '2027-01-01', to: '2027-03-31' });
    expect(parsePeriod('2027-Q2')).toMatchObject({ from: '2027-04-01', to: '2027-06-30' });
    expect(parsePeriod('2027-Q3')).toMatchObject({ from: '2027-07-01', to: '2027-09-30' });
    expect(parsePeriod('2027-Q4')).toMatchObject({ from: '2027-10-01', to: '2027-12-31' });
  });

  it('should normalise a lower-case quarter and surrounding spaces', () => {
    expect(parsePeriod(' 2028-q3 ')?.text).toBe('2028-Q3');
  });

  it('should accept the first and last allowed years', () => {
    expect(parsePeriod('2000')?.year).toBe(2000);
    expect(parsePeriod('2100-Q4')?.year).toBe(2100);
  });

  it.each(['1999', '2101', '2027-Q0', '2027-Q5', '2027Q1', '2027-1', '27', '2027-03', '', 'Q1-2027', '2027-Q12'])(
    'should refuse %p when it is not a year 2000–2100 or one of its quarters',
    (raw) => {
      expect(parsePeriod(raw)).toBeNull();
    },
  );
});
