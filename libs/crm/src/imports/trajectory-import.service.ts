import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, Clock, Transactions } from '@app/core';
// Type-only: a decorated constructor parameter would otherwise import the interface at run time (ESM).
import type { AppConfig } from '@app/core';
import { todayInAmsterdam } from '../shared/calendar-date';
import { TrajectoryStages } from '../trajectories/trajectory-stages.service';
import { countCsvRows, lockProgressAt, readBatchRows, runCsvBatches } from './csv-batch-runner';
import { CsvRecord } from './csv-records';
import { ImportFileError } from './import-file.error';
import { ImportStatus } from './import.types';
import { BatchCounts, ImportRun, ImportsRepository } from './imports.repository';
import { TrajectoryCsvColumn } from './trajectory-csv-format';
import { readTrajectoryCsvHeader, trajectoryCsvRow } from './trajectory-csv-header';
import { TrajectoryBatchWriter } from './trajectory-batch-writer';
import { readTrajectoryRow, TrajectoryRowContext } from './trajectory-row';

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
        const total = await countCsvRows(this.imports, importId, readTrajectoryCsvHeader);
        await this.imports.start(importId, total, this.clock.now());
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

  private async applyRows(run: ImportRun): Promise<void> {
    const regions = await this.writer.regions();
    const context: TrajectoryRowContext = {
      regionIdByCode: new Map(regions.map((r) => [r.code.toUpperCase(), r.id])),
      allowedRegionIds: run.regionIds === null ? null : new Set(run.regionIds),
      today: todayInAmsterdam(this.clock),
    };
    await runCsvBatches(this.imports, run, {
      readHeader: readTrajectoryCsvHeader,
      startsNewBatch: (_header, batch) => batch.length >= this.config.importBatchSize,
      applyBatch: (header, records, alreadyApplied) => this.applyBatch(run, header, records, alreadyApplied, context),
    });
  }

  private async applyBatch(
    run: ImportRun,
    header: TrajectoryCsvColumn[],
    records: CsvRecord[],
    alreadyApplied: number,
    context: TrajectoryRowContext,
  ): Promise<void> {
    const { valid, errors } = readBatchRows(header, records, trajectoryCsvRow, (line, row) =>
      readTrajectoryRow(line, row, context),
    );
    await this.transactions.run(async () => {
      await lockProgressAt(this.imports, run.id, alreadyApplied);
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
