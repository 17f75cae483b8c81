import { Injectable } from '@nestjs/common';
import { assertUuid, DomainError } from '@app/core';
import { RegionScope } from '@app/auth';
import type { Principal } from '@app/auth';
import { checkCsvUpload, UploadedCsvFile } from './csv-upload';
import { ImportQueue } from './import-queue';
import { ImportAccepted, ImportJobName, ImportView, INLINE_ERROR_LIMIT } from './import.types';
import { ImportsRepository } from './imports.repository';

/** The HTTP side of imports: store the upload, queue it, report on it. The work happens in a worker. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly queue: ImportQueue,
  ) {}

  /** Stores the file with the uploader's regions (null: all) and queues it; rows are checked by the worker. */
  uploadEmployers(principal: Principal, file: UploadedCsvFile | undefined): Promise<ImportAccepted> {
    return this.upload(principal, file, ImportJobName.Employers);
  }

  /** Historic trajectories (`trajectory-csv-format.ts`); the same storage, queue and status as employers. */
  uploadTrajectories(principal: Principal, file: UploadedCsvFile | undefined): Promise<ImportAccepted> {
    return this.upload(principal, file, ImportJobName.Trajectories);
  }

  private async upload(
    principal: Principal,
    file: UploadedCsvFile | undefined,
    kind: ImportJobName,
  ): Promise<ImportAccepted> {
    checkCsvUpload(file);
    const importId = await this.imports.create({
      kind,
      filename: file.originalname || null,
      file: file.buffer,
      createdBy: principal.id,
      regionIds: RegionScope.of(principal).sqlRegionIds,
    });
    try {
      await this.queue.add(kind, importId);
    } catch (error) {
      // Not queued means not accepted: leave nothing behind that the client would upload again.
      await this.imports.delete(importId);
      throw error;
    }
    return { importId };
  }

  async get(principal: Principal, id: string): Promise<ImportView> {
    const importId = assertUuid(id);
    const summary = await this.imports.findVisible(importId, principal.id, RegionScope.of(principal).sqlRegionIds);
    if (summary === null) throw DomainError.notFound('import');
    const errors = await this.imports.errors(importId, INLINE_ERROR_LIMIT);
    return { ...summary, errors: errors.items, errorsTotal: errors.total };
  }
}
