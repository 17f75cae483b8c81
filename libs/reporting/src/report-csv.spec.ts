import { toCsv } from './report-csv';

describe('toCsv', () => {
  it('should write a header row, empty cells for null and neutralise cells a spreadsheet would run', () => {
    expect(
      toCsv(
        ['key', 'count'],
        [
          ['=SUM(A1)', 3],
          ['2025:C', null],
        ],
      ),
    ).toBe("key,count\n'=SUM(A1),3\n2025:C,\n");
  });
});
