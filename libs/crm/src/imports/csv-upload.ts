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

/**
 * Bytes per stored chunk: a chunk comes back from PostgreSQL as hex text of twice its size, and at
 * 32 KB that text stays below V8's large-object size (128 KB), so a scavenge frees it; a 1 MB chunk
 * came back as a 2 MB string that only a full collection frees.
 */
export const UPLOAD_CHUNK_BYTES = 32 * 1024;

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
 *
 * Every chunk is a view of one buffer that is refilled for the next: use it (or copy it) before asking
 * for the next one. A dropped buffer stays in memory until V8's next collection, and an upload makes
 * little other garbage to bring one on, so a new buffer per chunk piled up tens of MB per upload.
 */
export async function* csvUploadChunks(
  stream: AsyncIterable<Buffer>,
  limitBytes: number,
  chunkBytes = UPLOAD_CHUNK_BYTES,
): AsyncGenerator<Buffer> {
  const chunk = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  let total = 0;
  // Iterated by hand: leaving a for-await loop early destroys the stream, and multer then answers with
  // the stream's AbortError instead of this 400 or 413 (ImportStorageEngine reads and drops the rest).
  const source = stream[Symbol.asyncIterator]();
  for (let next = await source.next(); !next.done; next = await source.next()) {
    const data = next.value;
    const before = total;
    total += data.length;
    if (total > limitBytes) throw fileTooLarge(limitBytes);
    // A NUL byte never occurs in UTF-8 text: this is a spreadsheet, an image or UTF-16 text.
    if (before < SNIFF_BYTES && data.subarray(0, SNIFF_BYTES - before).includes(0)) {
      throw DomainError.invalid('file', 'is not CSV text; save it as "CSV UTF-8" and upload that file');
    }
    for (let at = 0; at < data.length;) {
      const copied = data.copy(chunk, filled, at);
      filled += copied;
      at += copied;
      if (filled === chunkBytes) {
        yield chunk;
        filled = 0;
      }
    }
  }
  if (filled > 0) yield chunk.subarray(0, filled);
}
