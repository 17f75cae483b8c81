import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { DomainError } from '@app/core';
import type { ImportKind, ImportsService, StoredCsvFile } from '@app/crm';
import type { AuthenticatedRequest } from '../auth/auth.guard';

type StoredUpload = Express.Multer.File & Partial<StoredCsvFile>;

/**
 * A multer storage engine that streams the uploaded file into PostgreSQL as it arrives
 * (`ImportsService.receive`), so the api never holds the file in memory. multer hands the request's
 * file to `req.file` as `{ importId, size, … }`, and calls `_removeFile` when the rest of the request
 * fails after the file was stored.
 */
export class ImportStorageEngine implements StorageEngine {
  constructor(
    private readonly imports: ImportsService,
    private readonly kind: ImportKind,
  ) {}

  _handleFile(req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: object) => void): void {
    const principal = (req as AuthenticatedRequest).principal;
    if (!principal) {
      callback(new DomainError('unauthorized', 'auth.unauthenticated', 'A valid access token is required'));
      return;
    }
    const incoming = { originalname: file.originalname, mimetype: file.mimetype, stream: file.stream };
    this.imports.receive(principal, this.kind, incoming).then(
      (stored) => callback(null, stored),
      (error: unknown) => {
        // Whatever is left of the file is read and dropped, so the rest of the request can be read.
        file.stream.resume();
        callback(error);
      },
    );
  }

  _removeFile(_req: Request, file: StoredUpload, callback: (error: Error | null) => void): void {
    if (file.importId === undefined) {
      callback(null);
      return;
    }
    this.imports.discard(file.importId).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}
