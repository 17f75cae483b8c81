import { DomainError } from '@app/core';
import { checkCsvUpload, UploadedCsvFile } from './csv-upload';

const file = (overrides: Partial<UploadedCsvFile>): UploadedCsvFile => ({
  originalname: 'werkgevers.csv',
  mimetype: 'text/csv',
  size: 10,
  buffer: Buffer.from('name,kvkNumber,regionCode\n'),
  ...overrides,
});

describe('checkCsvUpload', () => {
  it('should accept a CSV file when Excel labels it vnd.ms-excel', () => {
    expect(() => checkCsvUpload(file({ mimetype: 'application/vnd.ms-excel' }))).not.toThrow();
  });

  it('should refuse with 400 on field file when nothing, nothing inside, or binary is sent', () => {
    for (const bad of [
      undefined,
      file({ size: 0, buffer: Buffer.alloc(0) }),
      file({
        originalname: 'list.xlsx',
        mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
      file({ buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) }),
    ]) {
      let error: unknown;
      try {
        checkCsvUpload(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe('invalid');
      expect((error as DomainError).details[0].field).toBe('file');
    }
  });
});
