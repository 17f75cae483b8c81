import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, Clock, Transactions } from '@app/core';
// Type-only: a decorated constructor parameter would otherwise import the interface at run time (ESM).
import type { AppConfig } from '@app/core';
import { todayInAmsterdam } from '../shared/calendar-date';
import { TrajectoryStages } from '../trajectories/trajectory-stages.service';
import { checkUtf8, CsvRecord, csvRecords } from './csv-records';
import { FILE_CHUNK_BYTES } from './employer-import.service';
import { ImportFileError } from './import-file.error';
import { ImportRowError, ImportStatus } from './import.types';
import { BatchCounts, ImportRun, ImportsRepository } from './imports.repository';
import { TrajectoryCsvColumn } from './trajectory-csv-format';
import { readTrajectoryCsvHeader, trajectoryCsvRow } from './trajectory-csv-header';
import { TrajectoryBatchWriter } from './trajectory-batch-writer';
import { readTrajectoryRow, TrajectoryRowContext, TrajectoryRowValues } from './trajectory-row';

/**
 * Runs a trajectory import like the employer import: a counting pass checks the file, then rows are
 * applied in batches of one transaction each (a retry resumes after the last committed batch). Stage
 * changes come last: a file's later rows may hold older trajectories, so once every row is applied
 * each touched employer's trajectories are followed in start-date order (`TrajectoryStages`), which
 * dates every change at its trajectory's `startedAt`. Following again is a no-op, so a retry is safe.
 */
@Injectable()
export class TrajectoryImportService {
  private readonly logger = new Logger('TrajectoryImport');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly writer: TrajectoryBatchWriter,
    private readonly stages: TrajectoryStages,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(importId: string): Promise<ImportStatus | 'missing'> {
    const run = await this.imports.findRun(importId);
    if (run === null) return 'missing';
    if (run.status === 'completed' || run.status === 'failed') return run.status;
    try {
      if (run.status === 'queued') {
        await this.imports.start(importId, await this.countRows(importId), this.clock.now());
      }
      await this.applyRows(run);
      await this.followStages(run);
      await this.imports.complete(importId, this.clock.now());
      this.logger.log(`Import ${importId} completed`);
      return 'completed';
    } catch (error) {
      if (error instanceof ImportFileError) await this.imports.fail(importId, error.message, this.clock.now());
      throw error;
    }
  }

  private async countRows(importId: string): Promise<number> {
    let rows = -1;
    for await (const record of csvRecords(checkUtf8(this.imports.fileChunks(importId, FILE_CHUNK_BYTES)))) {
      if (rows === -1) readTrajectoryCsvHeader(record.cells);
      rows++;
    }
    if (rows === -1) throw new ImportFileError('The file has no header row');
    return rows;
  }

  private async applyRows(run: ImportRun): Promise<void> {
    const regions = await this.writer.regions();
    const context: TrajectoryRowContext = {
      regionIdByCode: new Map(regions.map((r) => [r.code.toUpperCase(), r.id])),
      allowedRegionIds: run.regionIds === null ? null : new Set(run.regionIds),
      today: todayInAmsterdam(this.clock),
    };
    let header: TrajectoryCsvColumn[] | null = null;
    let toSkip = run.processed;
    let applied = run.processed;
    let batch: CsvRecord[] = [];
    for await (const record of csvRecords(this.imports.fileChunks(run.id, FILE_CHUNK_BYTES))) {
      if (header === null) header = readTrajectoryCsvHeader(record.cells);
      else if (toSkip > 0)
        toSkip--; // applied by an earlier attempt
      else {
        batch.push(record);
        if (batch.length >= this.config.importBatchSize) {
          await this.applyBatch(run, header, batch, applied, context);
          applied += batch.length;
          batch = [];
        }
      }
    }
    if (header === null) throw new ImportFileError('The file has no header row');
    if (batch.length > 0) await this.applyBatch(run, header, batch, applied, context);
  }

  private async applyBatch(
    run: ImportRun,
    header: TrajectoryCsvColumn[],
    records: CsvRecord[],
    alreadyApplied: number,
    context: TrajectoryRowContext,
  ): Promise<void> {
    const errors: ImportRowError[] = [];
    const valid: TrajectoryRowValues[] = [];
    for (const record of records) {
      const mapped = trajectoryCsvRow(header, record.cells);
      if (!mapped.ok) {
        errors.push({ row: record.line, field: 'row', problem: mapped.problem });
        continue;
      }
      const result = readTrajectoryRow(record.line, mapped.row, context);
      if (result.ok) valid.push(result.values);
      else errors.push(...result.errors);
    }
    await this.transactions.run(async () => {
      const progress = await this.imports.lockProgress(run.id);
      if (progress?.status !== 'running' || progress.processed !== alreadyApplied) {
        throw new Error(`Import ${run.id} moved on without this worker (another attempt is running it)`);
      }
      const written = await this.writer.write(valid, run, this.clock.now());
      const counts: BatchCounts = {
        processed: records.length,
        created: written.created,
        updated: written.updated,
        unchanged: written.unchanged,
        failed: records.length - valid.length + written.failed,
      };
      const allErrors = [...errors, ...written.errors].sort((a, b) => a.row - b.row);
      await this.imports.recordBatch(run.id, counts, allErrors);
    });
  }

  private async followStages(run: ImportRun): Promise<void> {
    for (const { employerId, from } of await this.writer.touchedEmployers(run.id)) {
      await this.stages.follow(employerId, from, run.createdBy);
    }
  }
}
