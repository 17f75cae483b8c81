import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, Clock, Transactions } from '@app/core';
// Type-only: a decorated constructor parameter would otherwise import the interface at run time (ESM).
import type { AppConfig } from '@app/core';
import { assignRounds } from './batch-rounds';
import { countCsvRows, lockProgressAt, readBatchRows, runCsvBatches } from './csv-batch-runner';
import { CsvRecord } from './csv-records';
import { EmployerCsvColumn } from './employer-csv-format';
import { employerCsvRow, readEmployerCsvHeader } from './employer-csv-header';
import { EmployerImportRepository } from './employer-import.repository';
import { cellValue, EmployerRowContext, readEmployerRow } from './employer-row';
import { ImportFileError } from './import-file.error';
import { ImportStatus } from './import.types';
import { BatchCounts, ImportRun, ImportsRepository } from './imports.repository';

/** How far past IMPORT_BATCH_SIZE a batch may grow to keep one employer's rows together. */
const MAX_BATCH_STRETCH = 2;

/**
 * Runs an employer import: a first pass checks the file (UTF-8, header, CSV structure) and counts
 * its rows into `total`; the second applies rows in batches, one transaction each, that also
 * advance `processed` and the counters. A retry resumes after the last committed batch, and a
 * finished import is left alone, so running it twice is harmless.
 */
@Injectable()
export class EmployerImportService {
  private readonly logger = new Logger('EmployerImport');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly employers: EmployerImportRepository,
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
        const total = await countCsvRows(this.imports, importId, readEmployerCsvHeader);
        await this.imports.start(importId, total, this.clock.now());
      }
      await this.applyRows(run);
      await this.imports.complete(importId, this.clock.now());
      this.logger.log(`Import ${importId} completed`);
      return 'completed';
    } catch (error) {
      if (error instanceof ImportFileError) await this.fail(importId, error.message);
      throw error;
    }
  }

  /** Marks an unfinished import failed (a file-level problem, or retries used up). */
  async fail(importId: string, message: string): Promise<void> {
    await this.imports.fail(importId, message, this.clock.now());
  }

  private async applyRows(run: ImportRun): Promise<void> {
    const context = await this.rowContext(run);
    const size = this.config.importBatchSize;
    let lastKey: string | null = null;
    await runCsvBatches(this.imports, run, {
      readHeader: readEmployerCsvHeader,
      // A full batch ends between employers: an employer's adjacent rows (an export's one row per
      // contact) stay in one batch, where contact matching knows what its earlier rows took.
      startsNewBatch: (header, batch, record) => {
        const key = employerKey(header, record);
        const cut = batch.length >= size && (key !== lastKey || batch.length >= size * MAX_BATCH_STRETCH);
        lastKey = key;
        return cut;
      },
      applyBatch: (header, records, alreadyApplied) => this.applyBatch(run, header, records, alreadyApplied, context),
    });
  }

  private async applyBatch(
    run: ImportRun,
    header: EmployerCsvColumn[],
    records: CsvRecord[],
    alreadyApplied: number,
    context: EmployerRowContext,
  ): Promise<void> {
    const { valid, errors } = readBatchRows(header, records, employerCsvRow, (line, row) =>
      readEmployerRow(line, row, context),
    );
    await this.transactions.run(async () => {
      await lockProgressAt(this.imports, run.id, alreadyApplied);
      const rounds = assignRounds(valid, (row) => `${row.regionId} ${row.kvkNumber}`);
      const outcomes = await this.employers.apply(rounds, run.createdBy, this.clock.now());
      const counts: BatchCounts = {
        processed: records.length,
        created: 0,
        updated: 0,
        unchanged: 0,
        failed: records.length - valid.length,
      };
      for (const outcome of outcomes) counts[outcome.outcome]++;
      const allErrors = [...errors, ...outcomes.flatMap((o) => o.errors)].sort((a, b) => a.row - b.row);
      await this.imports.recordBatch(run.id, counts, allErrors);
    });
  }

  private async rowContext(run: ImportRun): Promise<EmployerRowContext> {
    const { regions, sbiRanges } = await this.employers.referenceData();
    return {
      regionIdByCode: new Map(regions.map((r) => [r.code.toUpperCase(), r.id])),
      allowedRegionIds: run.regionIds === null ? null : new Set(run.regionIds),
      sbiRanges,
    };
  }
}

/** Which employer a row is about, as written (a malformed row gets a key of its own; it is not applied). */
function employerKey(header: EmployerCsvColumn[], record: CsvRecord): string {
  const mapped = employerCsvRow(header, record.cells);
  if (!mapped.ok) return `line ${record.line}`;
  return `${cellValue(mapped.row.regionCode)?.toUpperCase()} ${cellValue(mapped.row.kvkNumber)}`;
}
