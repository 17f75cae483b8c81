import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, assertUuid, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { RegionScope } from '@app/auth';
// Type-only: decorated constructor parameters would otherwise import interfaces at run time (ESM).
import type { AppConfig } from '@app/core';
import type { Principal } from '@app/auth';
import {
  checkCsvFileName,
  csvUploadChunks,
  emptyFile,
  FILE_REQUIRED,
  IncomingCsvFile,
  StoredCsvFile,
} from './csv-upload';
import { ImportQueue } from './import-queue';
import {
  ImportAccepted,
  ImportJobName,
  ImportKind,
  ImportRowError,
  ImportView,
  INLINE_ERROR_LIMIT,
} from './import.types';
import { ImportsRepository } from './imports.repository';

export interface ImportErrorsQuery {
  page?: string;
  pageSize?: string;
  sort?: string;
}

/** The HTTP side of imports: store the upload, queue it, report on it. The work happens in a worker. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly queue: ImportQueue,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Streams an uploaded file into PostgreSQL in chunks, with the uploader's regions (null: all), in one
   * transaction: a file that is too large (413), empty or binary (400), or a broken upload leaves nothing.
   * Rows are checked by the worker, once the import is accepted (`uploadEmployers`/`uploadTrajectories`).
   */
  async receive(principal: Principal, kind: ImportKind, file: IncomingCsvFile): Promise<StoredCsvFile> {
    checkCsvFileName(file);
    return this.transactions.run(async () => {
      const importId = await this.imports.create({
        kind,
        filename: file.originalname || null,
        createdBy: principal.id,
        regionIds: RegionScope.of(principal).sqlRegionIds,
      });
      let size = 0;
      let seq = 0;
      for await (const chunk of csvUploadChunks(file.stream, this.config.uploadLimitBytes)) {
        await this.imports.appendChunk(importId, seq++, chunk);
        size += chunk.length;
      }
      if (size === 0) throw emptyFile();
      return { importId, size };
    });
  }

  /** Removes a stored upload that will not be accepted (the rest of its request failed). */
  async discard(importId: string): Promise<void> {
    await this.imports.delete(importId);
  }

  /** Queues a stored employer file (`employer-csv-format.ts`). */
  uploadEmployers(file: StoredCsvFile | undefined): Promise<ImportAccepted> {
    return this.accept(file, ImportJobName.Employers);
  }

  /** Historic trajectories (`trajectory-csv-format.ts`); the same storage, queue and status as employers. */
  uploadTrajectories(file: StoredCsvFile | undefined): Promise<ImportAccepted> {
    return this.accept(file, ImportJobName.Trajectories);
  }

  private async accept(file: StoredCsvFile | undefined, kind: ImportJobName): Promise<ImportAccepted> {
    if (file === undefined) throw DomainError.invalid('file', FILE_REQUIRED);
    try {
      await this.queue.add(kind, file.importId);
    } catch (error) {
      // Not queued means not accepted: leave nothing behind that the client would upload again.
      await this.imports.delete(file.importId);
      throw error;
    }
    return { importId: file.importId };
  }

  async get(principal: Principal, id: string): Promise<ImportView> {
    const summary = await this.visible(principal, id);
    const errors = await this.imports.errors(summary.id, INLINE_ERROR_LIMIT);
    return { ...summary, errors: errors.items, errorsTotal: errors.total };
  }

  /** Every row error, in file order, as a list (the view shows the first INLINE_ERROR_LIMIT only). */
  async errors(principal: Principal, id: string, query: ImportErrorsQuery): Promise<Page<ImportRowError>> {
    const { id: importId } = await this.visible(principal, id);
    const request = pageRequest(query, [] as const, []);
    const offset = (request.page - 1) * request.pageSize;
    const { items, total } = await this.imports.errors(importId, request.pageSize, offset);
    return pageOf(items, total, request);
  }

  /** The import when the caller may see it (see `ImportsRepository.findVisible`), else 404. */
  private async visible(principal: Principal, id: string) {
    const summary = await this.imports.findVisible(
      assertUuid(id),
      principal.id,
      RegionScope.of(principal).sqlRegionIds,
    );
    if (summary === null) throw DomainError.notFound('import');
    return summary;
  }
}
