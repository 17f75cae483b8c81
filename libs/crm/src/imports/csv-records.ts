import { pipeline } from 'node:stream';
import { CsvError, Info, parse } from 'csv-parse';
import { ImportFileError } from './import-file.error';

export type CsvDelimiter = ',' | ';';

/** One record of the file; `line` is the file line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

const LF = 0x0a;
const CR = 0x0d;
const LF_BUFFER = Buffer.from([LF]);
const HEADER_PEEK_BYTES = 64 * 1024;
/** Bounds the parser's buffers, so a quote that never closes cannot pull the whole file into memory. */
export const MAX_RECORD_CHARS = 100_000;

/** The separator used in the header line: `;` when it has more semicolons than commas (outside quotes), else `,`. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Turns CRLF and lone CR into LF, also across chunk boundaries. csv-parse counts a CRLF inside a
 * quoted cell as two lines, which would shift every later line number.
 */
export async function* normaliseLineEndings(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pendingCr = false;
  for await (const chunk of chunks) {
    const parts: Buffer[] = [];
    let start = 0;
    if (pendingCr) {
      parts.push(LF_BUFFER);
      pendingCr = false;
      if (chunk[0] === LF) start = 1;
    }
    let cr = chunk.indexOf(CR, start);
    while (cr !== -1) {
      parts.push(chunk.subarray(start, cr));
      if (cr === chunk.length - 1) {
        pendingCr = true;
        start = chunk.length;
        break;
      }
      parts.push(LF_BUFFER);
      start = chunk[cr + 1] === LF ? cr + 2 : cr + 1;
      cr = chunk.indexOf(CR, start);
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
    if (parts.length > 0) yield parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
  if (pendingCr) yield LF_BUFFER;
}

/** Fails with a file-level problem as soon as the bytes are not valid UTF-8. */
export async function* checkUtf8(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) {
      decoder.decode(chunk, { stream: true });
      yield chunk;
    }
    decoder.decode();
  } catch (error) {
    // Checked by code: the TypeError may come from another realm (Jest's VM), so instanceof is unreliable.
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new ImportFileError('The file is not UTF-8 text; save it as "CSV UTF-8" and upload it again');
    }
    throw error;
  }
}

/**
 * Streams the records of a CSV file, the header first. The separator (`,` or `;`) is taken from the
 * header line, a BOM is dropped, empty lines and rows of only separators are skipped, quotes inside
 * unquoted cells are kept. Structural problems (a quote that never closes) are file-level problems.
 */
export async function* csvRecords(chunks: AsyncIterable<Buffer>): AsyncGenerator<CsvRecord> {
  const source = normaliseLineEndings(chunks)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  while (headLength < HEADER_PEEK_BYTES) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
    headLength += next.value.length;
    if (next.value.includes(LF)) break;
  }
  const start = Buffer.concat(head);
  const firstLine = start.subarray(0, start.includes(LF) ? start.indexOf(LF) : start.length).toString('utf8');
  const parser = parse({
    delimiter: detectDelimiter(firstLine.replace(/^\uFEFF/, '')),
    record_delimiter: '\n',
    bom: true,
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  async function* bytes(): AsyncGenerator<Buffer> {
    if (start.length > 0) yield start;
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }
  // Errors of the source (the database) reach the loop below through the parser.
  const records = pipeline(bytes(), parser, () => undefined) as AsyncIterable<{ record: string[]; info: Info }>;
  try {
    for await (const { record, info } of records) {
      const innerLines = record.reduce((count, cell) => count + countLineFeeds(cell), 0);
      yield { line: info.lines - innerLines, cells: record };
    }
  } catch (error) {
    throw error instanceof CsvError ? new ImportFileError(fileProblem(error)) : error;
  }
}

function countLineFeeds(cell: string): number {
  let count = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count++;
  return count;
}

function fileProblem(error: CsvError): string {
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return `The file is not valid CSV: a row near line ${error.lines ?? '?'} is longer than ${MAX_RECORD_CHARS} characters (is a quote not closed?)`;
  }
  return `The file is not valid CSV: ${error.message}`;
}
