import { employerCsvRow, readEmployerCsvHeader } from './employer-csv-header';
import { ImportFileError } from './import-file.error';

describe('readEmployerCsvHeader', () => {
  it('should accept the required columns in any order with optional ones left out', () => {
    expect(readEmployerCsvHeader([' regionCode', 'name ', 'kvkNumber', 'city'])).toEqual([
      'regionCode',
      'name',
      'kvkNumber',
      'city',
    ]);
  });

  it('should fail naming the missing required column when one is absent', () => {
    expect(() => readEmployerCsvHeader(['name', 'kvkNumber', 'city'])).toThrow(
      /missing required column\(s\) regionCode/,
    );
  });

  it('should fail naming the unknown column when a header is not known', () => {
    expect(() => readEmployerCsvHeader(['name', 'kvkNumber', 'regionCode', 'Plaats'])).toThrow(
      /unknown column\(s\) "Plaats"/,
    );
  });

  it('should fail when a column appears twice or has no name', () => {
    expect(() => readEmployerCsvHeader(['name', 'kvkNumber', 'regionCode', 'name'])).toThrow(ImportFileError);
    expect(() => readEmployerCsvHeader(['name', 'kvkNumber', 'regionCode', ''])).toThrow(/has no name/);
  });

  it('should match names case-sensitively when a header differs in case', () => {
    expect(() => readEmployerCsvHeader(['Name', 'kvkNumber', 'regionCode'])).toThrow(ImportFileError);
  });
});

describe('employerCsvRow', () => {
  it('should map cells to columns when the counts match', () => {
    expect(employerCsvRow(['name', 'kvkNumber'], ['A', '12345678'])).toEqual({
      ok: true,
      row: { name: 'A', kvkNumber: '12345678' },
    });
  });

  it('should refuse the row when it has more or fewer cells than the header', () => {
    expect(employerCsvRow(['name', 'kvkNumber'], ['A'])).toEqual({
      ok: false,
      problem: 'has 1 cells where the header has 2',
    });
  });
});
