import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, Clock, Transactions } from '@app/core';
// Type-only: a decorated constructor parameter would otherwise import the interface at run time (ESM).
import type { AppConfig } from '@app/core';
import { assignRounds } from './batch-rounds';
import { checkUtf8, CsvRecord, csvRecords } from './csv-records';
import { EmployerCsvColumn } from './employer-csv-format';
import { employerCsvRow, readEmployerCsvHeader } from './employer-csv-header';
import { EmployerImportRepository } from './employer-import.repository';
import { cellValue, EmployerRowContext, EmployerRowValues, readEmployerRow } from './employer-row';
import { ImportFileError } from './import-file.error';
import { ImportRowError, ImportStatus } from './import.types';
import { BatchCounts, ImportRun, ImportsRepository } from './imports.repository';

/** Slices read from `imports.file` at a time: memory stays bounded whatever the file size. */
export const FILE_CHUNK_BYTES = 1024 * 1024;

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
        await this.imports.start(importId, await this.countRows(importId), this.clock.now());
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

  private async countRows(importId: string): Promise<number> {
    let rows = -1;
    for await (const record of csvRecords(checkUtf8(this.imports.fileChunks(importId, FILE_CHUNK_BYTES)))) {
      if (rows === -1) readEmployerCsvHeader(record.cells);
      rows++;
    }
    if (rows === -1) throw new ImportFileError('The file has no header row');
    return rows;
  }

  private async applyRows(run: ImportRun): Promise<void> {
    const context = await this.rowContext(run);
    let header: EmployerCsvColumn[] | null = null;
    let toSkip = run.processed;
    let applied = run.processed;
    let batch: CsvRecord[] = [];
    let lastKey: string | null = null;
    const size = this.config.importBatchSize;
    for await (const record of csvRecords(this.imports.fileChunks(run.id, FILE_CHUNK_BYTES))) {
      if (header === null) {
        header = readEmployerCsvHeader(record.cells);
      } else if (toSkip > 0) {
        toSkip--; // applied by an earlier attempt
      } else {
        // A full batch ends between employers: an employer's adjacent rows (an export's one row per
        // contact) stay in one batch, where contact matching knows what its earlier rows took.
        const key = employerKey(header, record);
        if (batch.length >= size && (key !== lastKey || batch.length >= size * MAX_BATCH_STRETCH)) {
          await this.applyBatch(run, header, batch, applied, context);
          applied += batch.length;
          batch = [];
        }
        batch.push(record);
        lastKey = key;
      }
    }
    if (header === null) throw new ImportFileError('The file has no header row');
    if (batch.length > 0) await this.applyBatch(run, header, batch, applied, context);
  }

  private async applyBatch(
    run: ImportRun,
    header: EmployerCsvColumn[],
    records: CsvRecord[],
    alreadyApplied: number,
    context: EmployerRowContext,
  ): Promise<void> {
    const errors: ImportRowError[] = [];
    const valid: EmployerRowValues[] = [];
    for (const record of records) {
      const mapped = employerCsvRow(header, record.cells);
      if (!mapped.ok) {
        errors.push({ row: record.line, field: 'row', problem: mapped.problem });
        continue;
      }
      const result = readEmployerRow(record.line, mapped.row, context);
      if (result.ok) valid.push(result.values);
      else errors.push(...result.errors);
    }
    await this.transactions.run(async () => {
      const progress = await this.imports.lockProgress(run.id);
      if (progress?.status !== 'running' || progress.processed !== alreadyApplied) {
        throw new Error(`Import ${run.id} moved on without this worker (another attempt is running it)`);
      }
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
