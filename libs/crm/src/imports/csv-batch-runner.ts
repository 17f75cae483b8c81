import { checkUtf8, CsvRecord, csvRecords } from './csv-records';
import { CsvRowResult } from './csv-header';
import { UPLOAD_CHUNK_BYTES } from './csv-upload';
import { ImportFileError } from './import-file.error';
import { ImportRowError } from './import.types';
import { ImportRun, ImportsRepository } from './imports.repository';

/** Bytes read from the stored file at a time: memory stays bounded whatever the file size. */
export const FILE_CHUNK_BYTES = UPLOAD_CHUNK_BYTES;

/** First pass: checks the file (UTF-8, header, CSV structure) and counts its data rows. */
export async function countCsvRows(
  imports: ImportsRepository,
  importId: string,
  readHeader: (cells: string[]) => unknown,
): Promise<number> {
  let rows = -1;
  for await (const record of csvRecords(checkUtf8(imports.fileChunks(importId, FILE_CHUNK_BYTES)))) {
    if (rows === -1) readHeader(record.cells);
    rows++;
  }
  if (rows === -1) throw new ImportFileError('The file has no header row');
  return rows;
}

export interface CsvBatchPlan<C extends string> {
  readHeader(cells: string[]): C[];
  /** Called once per record to apply: whether it starts a new batch (the current one applied first). */
  startsNewBatch(header: C[], batch: CsvRecord[], record: CsvRecord): boolean;
  applyBatch(header: C[], records: CsvRecord[], alreadyApplied: number): Promise<void>;
}

/** Second pass: skips the rows an earlier attempt applied, then hands the rest over in batches. */
export async function runCsvBatches<C extends string>(
  imports: ImportsRepository,
  run: ImportRun,
  plan: CsvBatchPlan<C>,
): Promise<void> {
  let header: C[] | null = null;
  let toSkip = run.processed;
  let applied = run.processed;
  let batch: CsvRecord[] = [];
  for await (const record of csvRecords(imports.fileChunks(run.id, FILE_CHUNK_BYTES))) {
    if (header === null) {
      header = plan.readHeader(record.cells);
    } else if (toSkip > 0) {
      toSkip--; // applied by an earlier attempt
    } else {
      // Always asked (even for an empty batch), so a plan can follow every record it sees.
      if (plan.startsNewBatch(header, batch, record) && batch.length > 0) {
        await plan.applyBatch(header, batch, applied);
        applied += batch.length;
        batch = [];
      }
      batch.push(record);
    }
  }
  if (header === null) throw new ImportFileError('The file has no header row');
  if (batch.length > 0) await plan.applyBatch(header, batch, applied);
}

type RowRead<V> = { ok: true; values: V } | { ok: false; errors: ImportRowError[] };

/** Maps and reads a batch's records: the valid rows' values, and every problem found on the way. */
export function readBatchRows<C extends string, V>(
  header: readonly C[],
  records: CsvRecord[],
  toRow: (header: readonly C[], cells: string[]) => CsvRowResult<C>,
  readRow: (line: number, row: Partial<Record<C, string>>) => RowRead<V>,
): { valid: V[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const valid: V[] = [];
  for (const record of records) {
    const mapped = toRow(header, record.cells);
    if (!mapped.ok) {
      errors.push({ row: record.line, field: 'row', problem: mapped.problem });
      continue;
    }
    const result = readRow(record.line, mapped.row);
    if (result.ok) valid.push(result.values);
    else errors.push(...result.errors);
  }
  return { valid, errors };
}

/** Inside a batch transaction: locks the progress and checks no other attempt moved it on. */
export async function lockProgressAt(imports: ImportsRepository, runId: string, alreadyApplied: number): Promise<void> {
  const progress = await imports.lockProgress(runId);
  if (progress?.status !== 'running' || progress.processed !== alreadyApplied) {
    throw new Error(`Import ${runId} moved on without this worker (another attempt is running it)`);
  }
}
