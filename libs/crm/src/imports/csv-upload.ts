import { DomainError } from '@app/core';

/** An uploaded file as it arrives: what the client says it is, and its bytes as a stream. */
export interface IncomingCsvFile {
  originalname: string;
  mimetype: string;
  stream: AsyncIterable<Buffer>;
}

/** An upload stored in PostgreSQL (not queued yet). */
export interface StoredCsvFile {
  importId: string;
  size: number;
}

/** Bytes per stored chunk: an upload never takes more memory than about two of these. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

const CSV_NAME = /\.(csv|txt)$/i;
// Browsers label CSV in many ways; Excel on Windows says vnd.ms-excel.
const CSV_TYPE = /csv|^text\/|vnd\.ms-excel|octet-stream/i;
const SNIFF_BYTES = 8192;

export const FILE_REQUIRED = 'is required: send the CSV as multipart field "file"';

/** Refuses, before a byte is stored, a file that says it is no CSV file. */
export function checkCsvFileName(file: Pick<IncomingCsvFile, 'originalname' | 'mimetype'>): void {
  if (!CSV_NAME.test(file.originalname ?? '') && !CSV_TYPE.test(file.mimetype ?? '')) {
    throw DomainError.invalid('file', 'must be a CSV file (.csv)');
  }
}

export function emptyFile(): DomainError {
  return DomainError.invalid('file', 'is empty');
}

export function fileTooLarge(limitBytes: number): DomainError {
  return new DomainError('too_large', 'import.too_large', `The file is larger than the limit of ${limitBytes} bytes`);
}

/**
 * Re-cuts an upload stream into chunks of `chunkBytes` (the last one shorter) while checking it: more
 * than `limitBytes` in all is a 413 as soon as it is seen, and binary content (a NUL byte in the first
 * 8 KB) a 400 before the first chunk is handed on.
 */
export async function* csvUploadChunks(
  stream: AsyncIterable<Buffer>,
  limitBytes: number,
  chunkBytes = UPLOAD_CHUNK_BYTES,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let sniffed = false;
  const sniff = () => {
    // A NUL byte never occurs in UTF-8 text: this is a spreadsheet, an image or UTF-16 text.
    if (Buffer.concat(pending).subarray(0, SNIFF_BYTES).includes(0)) {
      throw DomainError.invalid('file', 'is not CSV text; save it as "CSV UTF-8" and upload that file');
    }
    sniffed = true;
  };
  for await (const data of stream) {
    total += data.length;
    if (total > limitBytes) throw fileTooLarge(limitBytes);
    pending.push(data);
    pendingBytes += data.length;
    if (!sniffed && pendingBytes >= SNIFF_BYTES) sniff();
    while (pendingBytes >= chunkBytes) {
      if (!sniffed) sniff();
      const all = Buffer.concat(pending);
      yield all.subarray(0, chunkBytes);
      const rest = all.subarray(chunkBytes);
      pending = rest.length > 0 ? [rest] : [];
      pendingBytes = rest.length;
    }
  }
  if (!sniffed) sniff();
  if (pendingBytes > 0) yield Buffer.concat(pending);
}
