import { checkUtf8, csvRecords, detectDelimiter, normaliseLineEndings } from './csv-records';
import { ImportFileError } from './import-file.error';

async function* chunksOf(text: string | Buffer, size = 1 << 20): AsyncGenerator<Buffer> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('detectDelimiter', () => {
  it('should pick a semicolon when the header has more semicolons than commas', () => {
    expect(detectDelimiter('name;kvkNumber;regionCode')).toBe(';');
  });

  it('should pick a comma when the header is comma separated', () => {
    expect(detectDelimiter('name,kvkNumber,regionCode')).toBe(',');
  });

  it('should ignore separators inside quotes when counting', () => {
    expect(detectDelimiter('"a,b,c,d";kvkNumber;regionCode')).toBe(';');
  });

  it('should default to a comma when the header has a single column', () => {
    expect(detectDelimiter('name')).toBe(',');
  });
});

describe('normaliseLineEndings', () => {
  it('should turn CRLF and lone CR into LF also when a CRLF is split across chunks', async () => {
    const out = await collect(normaliseLineEndings(chunksOf('a\r\nb\rc\r\nd\r', 2)));
    expect(Buffer.concat(out).toString()).toBe('a\nb\nc\nd\n');
  });
});

describe('checkUtf8', () => {
  it('should fail with a file problem when the bytes are not UTF-8', async () => {
    const latin1 = Buffer.from('name\nCaf\xe9\n', 'latin1');
    await expect(collect(checkUtf8(chunksOf(latin1)))).rejects.toBeInstanceOf(ImportFileError);
  });

  it('should accept a multi-byte character split across chunks', async () => {
    const out = await collect(checkUtf8(chunksOf('naam\né€😀\n', 3)));
    expect(Buffer.concat(out).toString()).toBe('naam\né€😀\n');
  });
});

describe('csvRecords', () => {
  it('should read a semicolon file with a BOM and CRLF line ends', async () => {
    const records = await collect(csvRecords(chunksOf('\uFEFFname;kvkNumber\r\nBakker;12345678\r\n')));
    expect(records).toEqual([
      { line: 1, cells: ['name', 'kvkNumber'] },
      { line: 2, cells: ['Bakker', '12345678'] },
    ]);
  });

  it('should number records by the file line they start on when cells span lines and empty lines are skipped', async () => {
    const text = 'a,b\n1,2\n\n"multi\r\nline",3\n,\n4,"x""y"\n';
    const records = await collect(csvRecords(chunksOf(text, 5)));
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 7]);
    expect(records[2].cells).toEqual(['multi\nline', '3']);
    expect(records[3].cells).toEqual(['4', 'x"y']);
  });

  it('should keep quotes that appear inside an unquoted cell', async () => {
    const records = await collect(csvRecords(chunksOf('name;city\nBakkerij "De Vries";Delft\n')));
    expect(records[1].cells).toEqual(['Bakkerij "De Vries"', 'Delft']);
  });

  it('should keep multi-byte characters intact when chunks split them', async () => {
    const records = await collect(csvRecords(chunksOf('name,city\nCafé ’t Hoekje,Zwolle\n', 3)));
    expect(records[1].cells).toEqual(['Café ’t Hoekje', 'Zwolle']);
  });

  it('should fail with a file problem when a quote is never closed', async () => {
    await expect(collect(csvRecords(chunksOf('a,b\n"open,2\n3,4\n')))).rejects.toThrow(ImportFileError);
  });

  it('should yield nothing when the file is empty', async () => {
    expect(await collect(csvRecords(chunksOf('')))).toEqual([]);
  });
});
