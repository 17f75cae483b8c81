/**
 * A problem with the file as a whole (no header, unknown columns, not CSV, not UTF-8): the import
 * fails with this message and retrying cannot help. Problems of one row are row errors instead.
 */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}
