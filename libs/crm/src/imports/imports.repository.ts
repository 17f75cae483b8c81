import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { ImportKind, ImportRowError, ImportStatus, ImportView } from './import.types';

/** What a worker needs to run an import; `regionIds` null means every region. */
export interface ImportRun {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  createdBy: string | null;
  regionIds: string[] | null;
  processed: number;
}

export interface BatchCounts {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

type ImportSummary = Omit<ImportView, 'errors' | 'errorsTotal'>;

/**
 * The `imports`, `import_file_chunks` and `import_row_errors` tables. The stored file is `imports.file`
 * (empty for an upload) followed by its `import_file_chunks` in `seq` order.
 */
@Injectable()
export class ImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new import without its file yet (see `appendChunk`); joins the running transaction. */
  async create(values: {
    kind: ImportKind;
    filename: string | null;
    createdBy: string;
    regionIds: string[] | null;
  }): Promise<string> {
    const rows: { id: string }[] = await managerFor(this.dataSource).query(
      `INSERT INTO imports (kind, filename, file, created_by, region_ids) VALUES ($1, $2, ''::bytea, $3, $4) RETURNING id`,
      [values.kind, values.filename, values.createdBy, values.regionIds],
    );
    return rows[0].id;
  }

  async appendChunk(id: string, seq: number, data: Buffer): Promise<void> {
    await managerFor(this.dataSource).query(
      `INSERT INTO import_file_chunks (import_id, seq, data) VALUES ($1, $2, $3)`,
      [id, seq, data],
    );
  }

  async delete(id: string): Promise<void> {
    await managerFor(this.dataSource).query(`DELETE FROM imports WHERE id = $1`, [id]);
  }

  /**
   * An import the caller may see: every import for all-region callers; otherwise their own, or one
   * whose uploader's regions overlap theirs (an all-region upload only shows to its uploader).
   */
  async findVisible(id: string, callerId: string, callerRegionIds: string[] | null): Promise<ImportSummary | null> {
    const rows: ImportSummary[] = await this.dataSource.query(
      `SELECT id, kind, status, filename, total, processed, created, updated, unchanged, failed,
              failure AS message, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"
       FROM imports
       WHERE id = $1 AND ($3::uuid[] IS NULL OR created_by = $2 OR region_ids && $3::uuid[])`,
      [id, callerId, callerRegionIds],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      ...row,
      createdAt: iso(row.createdAt)!,
      startedAt: iso(row.startedAt),
      finishedAt: iso(row.finishedAt),
    };
  }

  /** Row errors in file order, `limit` from `offset`, and how many there are in all. */
  async errors(id: string, limit: number, offset = 0): Promise<{ items: ImportRowError[]; total: number }> {
    const [items, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT "row", field, problem FROM import_row_errors WHERE import_id = $1 ORDER BY "row", id LIMIT $2 OFFSET $3`,
        [id, limit, offset],
      ) as Promise<ImportRowError[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM import_row_errors WHERE import_id = $1`, [
        id,
      ]) as Promise<{ total: number }[]>,
    ]);
    return { items, total: counted[0].total };
  }

  async findRun(id: string): Promise<ImportRun | null> {
    const rows: ImportRun[] = await this.dataSource.query(
      `SELECT id, kind, status, created_by AS "createdBy", region_ids AS "regionIds", processed
       FROM imports WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Imports a worker should still finish (used to re-queue them when Redis lost their jobs). */
  async unfinished(): Promise<{ id: string; kind: ImportKind }[]> {
    return this.dataSource.query(
      `SELECT id, kind FROM imports WHERE status IN ('queued', 'running') ORDER BY created_at LIMIT 10000`,
    );
  }

  /** Reads the stored file in slices straight from PostgreSQL, never the whole file at once. */
  async *fileChunks(id: string, chunkBytes: number): AsyncGenerator<Buffer> {
    // Always outside any transaction: the batch transactions run while this is being read.
    const sized: { size: number | null; chunks: number }[] = await this.dataSource.query(
      `SELECT octet_length(file) AS size, (SELECT count(*)::int FROM import_file_chunks WHERE import_id = $1) AS chunks
       FROM imports WHERE id = $1`,
      [id],
    );
    const size = sized[0]?.size ?? 0;
    for (let offset = 0; offset < size; offset += chunkBytes) {
      const rows: { chunk: Buffer }[] = await this.dataSource.query(
        `SELECT substring(file FROM $2 FOR $3) AS chunk FROM imports WHERE id = $1`,
        [id, offset + 1, chunkBytes],
      );
      yield rows[0].chunk;
    }
    // Chunks stored larger than `chunkBytes` (by an older version) are read in slices as well; a chunk's
    // length is known from its first slice.
    for (let seq = 0; seq < (sized[0]?.chunks ?? 0); seq++) {
      for (let offset = 0, length = 1; offset < length; offset += chunkBytes) {
        const rows: { chunk: Buffer; length: number }[] = await this.dataSource.query(
          `SELECT substring(data FROM $3 FOR $4) AS chunk, octet_length(data) AS length
           FROM import_file_chunks WHERE import_id = $1 AND seq = $2`,
          [id, seq, offset + 1, chunkBytes],
        );
        if (rows.length === 0) break;
        length = rows[0].length;
        if (rows[0].chunk.length > 0) yield rows[0].chunk;
      }
    }
  }

  /** queued → running, with the number of data rows found by the counting pass. */
  async start(id: string, total: number, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE imports SET status = 'running', total = $2, started_at = $3 WHERE id = $1 AND status = 'queued'`,
      [id, total, at],
    );
  }

  /** Locks the import for one batch and returns how many rows are already applied (the resume point). */
  async lockProgress(id: string): Promise<{ status: ImportStatus; processed: number } | null> {
    const rows: { status: ImportStatus; processed: number }[] = await managerFor(this.dataSource).query(
      `SELECT status, processed FROM imports WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Adds one batch's counts and row errors; runs in the batch's transaction, so a retry never counts twice. */
  async recordBatch(id: string, counts: BatchCounts, errors: ImportRowError[]): Promise<void> {
    const manager = managerFor(this.dataSource);
    if (errors.length > 0) {
      await manager.query(
        `INSERT INTO import_row_errors (import_id, "row", field, problem)
         SELECT $1, e."row", e.field, e.problem FROM jsonb_to_recordset($2::jsonb) AS e("row" integer, field text, problem text)`,
        [id, JSON.stringify(errors)],
      );
    }
    await manager.query(
      `UPDATE imports SET processed = processed + $2, created = created + $3, updated = updated + $4,
         unchanged = unchanged + $5, failed = failed + $6 WHERE id = $1`,
      [id, counts.processed, counts.created, counts.updated, counts.unchanged, counts.failed],
    );
  }

  // A finished import no longer needs its file, which holds personal data (names, addresses): it is
  // emptied, so it is neither kept longer than needed nor missed by an erasure.
  async complete(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `WITH done AS (
         UPDATE imports SET status = 'completed', total = processed, finished_at = $2, file = ''::bytea
         WHERE id = $1 AND status = 'running' RETURNING id)
       DELETE FROM import_file_chunks WHERE import_id IN (SELECT id FROM done)`,
      [id, at],
    );
  }

  async fail(id: string, message: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `WITH done AS (
         UPDATE imports SET status = 'failed', failure = $2, finished_at = $3, file = ''::bytea
         WHERE id = $1 AND status IN ('queued', 'running') RETURNING id)
       DELETE FROM import_file_chunks WHERE import_id IN (SELECT id FROM done)`,
      [id, message, at],
    );
  }
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
