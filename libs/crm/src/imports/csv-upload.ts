import { DomainError } from '@app/core';

/** The part of an uploaded file the import needs (multer's memory storage gives this shape). */
export interface UploadedCsvFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const CSV_NAME = /\.(csv|txt)$/i;
// Browsers label CSV in many ways; Excel on Windows says vnd.ms-excel.
const CSV_TYPE = /csv|^text\/|vnd\.ms-excel|octet-stream/i;
const SNIFF_BYTES = 8192;

/** Refuses what cannot be a CSV file before it is stored: nothing sent, nothing in it, or binary content. */
export function checkCsvUpload(file: UploadedCsvFile | undefined): asserts file is UploadedCsvFile {
  if (file === undefined) throw DomainError.invalid('file', 'is required: send the CSV as multipart field "file"');
  if (file.size === 0 || file.buffer.length === 0) throw DomainError.invalid('file', 'is empty');
  if (!CSV_NAME.test(file.originalname ?? '') && !CSV_TYPE.test(file.mimetype ?? '')) {
    throw DomainError.invalid('file', 'must be a CSV file (.csv)');
  }
  // A NUL byte never occurs in UTF-8 text: this is a spreadsheet, an image or UTF-16 text.
  if (file.buffer.subarray(0, SNIFF_BYTES).includes(0)) {
    throw DomainError.invalid('file', 'is not CSV text; save it as "CSV UTF-8" and upload that file');
  }
}
