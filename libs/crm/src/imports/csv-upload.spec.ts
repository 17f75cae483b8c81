import { DomainError } from '@app/core';
import { checkCsvFileName, csvUploadChunks } from './csv-upload';

async function* pieces(...parts: (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.isBuffer(part) ? part : Buffer.from(part);
}

/** Copies each chunk as it comes: a chunk is only valid until the next one is asked for. */
async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return chunks;
}

async function failure(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('checkCsvFileName', () => {
  it('should accept a CSV file when Excel labels it vnd.ms-excel', () => {
    expect(() => checkCsvFileName({ originalname: 'lijst.csv', mimetype: 'application/vnd.ms-excel' })).not.toThrow();
    expect(() => checkCsvFileName({ originalname: 'lijst', mimetype: 'text/plain' })).not.toThrow();
  });

  it('should refuse with 400 on field file when the file is called and labelled a spreadsheet', () => {
    expect(() =>
      checkCsvFileName({
        originalname: 'list.xlsx',
        mimetype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    ).toThrow(expect.objectContaining({ kind: 'invalid', details: [expect.objectContaining({ field: 'file' })] }));
  });
});

describe('csvUploadChunks', () => {
  it('should re-cut the stream into chunks of the given size when pieces arrive unevenly', async () => {
    const chunks = await collect(csvUploadChunks(pieces('abcdefg', 'hi', 'jklmnopqrstu'), 100, 5));
    expect(chunks.map(String)).toEqual(['abcde', 'fghij', 'klmno', 'pqrst', 'u']);
  });

  it('should hand on every chunk in the same buffer, refilled, so an upload leaves no buffer per chunk behind', async () => {
    const handed: Buffer[] = [];
    const texts: string[] = [];
    for await (const chunk of csvUploadChunks(pieces('abcdefg', 'hi', 'jklmnopqrs'), 100, 5)) {
      handed.push(chunk);
      texts.push(String(chunk));
    }
    expect(texts).toEqual(['abcde', 'fghij', 'klmno', 'pqrs']);
    expect(new Set(handed.map((chunk) => chunk.buffer)).size).toBe(1);
  });

  it('should answer 400 on field file when a NUL byte comes within the first 8 KB, also in a later piece', async () => {
    const error = await failure(
      collect(csvUploadChunks(pieces('a'.repeat(8000), Buffer.from([0x41, 0])), 100_000, 64)),
    );
    expect(error.details[0].field).toBe('file');
  });

  it('should accept a NUL byte after the first 8 KB (only the start is sniffed)', async () => {
    const chunks = await collect(csvUploadChunks(pieces('a'.repeat(8192), Buffer.from([0])), 100_000, 4096));
    expect(Buffer.concat(chunks).length).toBe(8193);
  });

  it('should answer 413 when the stream grows past the limit', async () => {
    const error = await failure(collect(csvUploadChunks(pieces('0123456789', 'x'), 10, 4)));
    expect(error.kind).toBe('too_large');
  });

  it('should answer 400 on field file before handing on a chunk when the start holds a NUL byte', async () => {
    const handed: Buffer[] = [];
    const stream = csvUploadChunks(pieces(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'rest'), 100, 2);
    const error = await failure(
      (async () => {
        for await (const chunk of stream) handed.push(chunk);
      })(),
    );
    expect(error.details[0].field).toBe('file');
    expect(handed).toEqual([]);
  });

  it('should hand on nothing when the stream is empty', async () => {
    expect(await collect(csvUploadChunks(pieces(), 100))).toEqual([]);
  });
});
