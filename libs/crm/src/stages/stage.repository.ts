import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { EmployerStage } from '../employers/employer.types';
import { LaterChange } from './stage-dating';
import { PipelineStage, StageCause, StageChangeResponse, StageHistorySortField } from './stage.types';

export interface LockedEmployer {
  id: string;
  regionId: string;
  stage: EmployerStage;
  stageBeforeSide: PipelineStage | null;
  ownerId: string | null;
}

export interface StageChange {
  employerId: string;
  regionId: string;
  from: EmployerStage | null;
  to: EmployerStage;
  at: Date;
  by: string | null;
  cause: StageCause;
  reason: string | null;
}

const SORT_COLUMNS: Record<StageHistorySortField, string> = { at: 'at', recordedAt: 'seq' };

/** The `stage` columns of employers and their history (`stage_changes`). Joins the running transaction. */
@Injectable()
export class StageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Reads the employer and holds its row until commit, so concurrent moves of one employer run one
   * after the other and each is judged against the stage the previous one left. Null outside the scope.
   */
  async lockEmployer(id: string, regionIds: string[] | null): Promise<LockedEmployer | null> {
    const rows: LockedEmployer[] = await managerFor(this.dataSource).query(
      `SELECT id, region_id AS "regionId", stage, stage_before_side AS "stageBeforeSide", owner_id AS "ownerId"
       FROM organisations
       WHERE id = $1 AND kind = 'employer' AND ($2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))
       FOR UPDATE`,
      [id, regionIds],
    );
    return rows[0] ?? null;
  }

  /** `lockEmployer` for many employers (no region scope: system work), locked in id order so batches cannot deadlock. */
  async lockEmployers(ids: string[]): Promise<LockedEmployer[]> {
    return managerFor(this.dataSource).query(
      `SELECT id, region_id AS "regionId", stage, stage_before_side AS "stageBeforeSide", owner_id AS "ownerId"
       FROM organisations WHERE id = ANY($1::uuid[]) AND kind = 'employer' ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  /** Writes the new stages and their history rows, set-based (call with the rows locked). */
  async record(changes: (StageChange & { stageBeforeSide: PipelineStage | null })[], now: Date): Promise<void> {
    if (changes.length === 0) return;
    const db = managerFor(this.dataSource);
    await db.query(
      `UPDATE organisations o SET stage = v.stage, stage_before_side = v.stage_before_side, updated_at = $4
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, stage, stage_before_side) WHERE o.id = v.id`,
      [changes.map((c) => c.employerId), changes.map((c) => c.to), changes.map((c) => c.stageBeforeSide), now],
    );
    await this.insert(changes);
  }

  /**
   * The one definition of the "entered prospect" row every employer starts with: `{ from: null, to:
   * 'prospect', cause: 'manual' }` at its creation, by its creator. Service-side creation writes it here
   * (EmployerService); the employer import inserts the same row set-based
   * (employer-import.repository.ts), and so did migration 1764300001000's backfill and the demo —
   * keep them in step with this one. `dateChange` may later move its `at` back (docs/metrics.md).
   */
  async recordInitial(employer: { id: string; regionId: string; createdAt: string | Date }, by: string | null) {
    await this.insert([
      {
        employerId: employer.id,
        regionId: employer.regionId,
        from: null,
        to: 'prospect',
        at: new Date(employer.createdAt),
        by,
        cause: 'manual',
        reason: null,
      },
    ]);
  }

  /** Each employer's recorded changes dated after `at[i]`, keyed by employer (call with the rows locked). */
  async changesAfter(checks: { employerId: string; at: Date }[]): Promise<Map<string, LaterChange[]>> {
    const rows: (LaterChange & { employer_id: string })[] = await managerFor(this.dataSource).query(
      `SELECT s.employer_id, s.at, (s.from_stage IS NULL AND s.to_stage = 'prospect') AS initial
       FROM unnest($1::uuid[], $2::timestamptz[]) AS v(employer_id, at)
       JOIN stage_changes s ON s.employer_id = v.employer_id AND s.at > v.at
       ORDER BY s.seq`,
      [checks.map((c) => c.employerId), checks.map((c) => c.at)],
    );
    const later = new Map<string, LaterChange[]>();
    for (const row of rows) later.set(row.employer_id, [...(later.get(row.employer_id) ?? []), row]);
    return later;
  }

  /** Dates the employer's initial prospect row back to `at` (see `dateChange`). */
  async moveInitialBack(employerId: string, at: Date): Promise<void> {
    await managerFor(this.dataSource).query(
      `UPDATE stage_changes SET at = $2
       WHERE employer_id = $1 AND from_stage IS NULL AND to_stage = 'prospect' AND at > $2`,
      [employerId, at],
    );
  }

  async history(
    employerId: string,
    request: PageRequest<StageHistorySortField>,
  ): Promise<{ items: StageChangeResponse[]; total: number }> {
    const db = managerFor(this.dataSource);
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction}`).join(', ');
    const rows: (Omit<StageChangeResponse, 'at' | 'recordedAt'> & { at: Date; recordedAt: Date })[] = await db.query(
      `SELECT from_stage AS "from", to_stage AS "to", at, by_user_id AS "by", cause, reason, created_at AS "recordedAt"
       FROM stage_changes WHERE employer_id = $1
       ORDER BY ${order}, seq DESC LIMIT $2 OFFSET $3`,
      [employerId, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await db.query(
      `SELECT count(*)::int AS total FROM stage_changes WHERE employer_id = $1`,
      [employerId],
    );
    const items = rows.map((r) => ({ ...r, at: r.at.toISOString(), recordedAt: r.recordedAt.toISOString() }));
    return { items, total };
  }

  private async insert(changes: StageChange[]): Promise<void> {
    await managerFor(this.dataSource).query(
      `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, by_user_id, cause, reason)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::uuid[], $7::text[],
                            $8::text[])`,
      [
        changes.map((c) => c.employerId),
        changes.map((c) => c.regionId),
        changes.map((c) => c.from),
        changes.map((c) => c.to),
        changes.map((c) => c.at),
        changes.map((c) => c.by),
        changes.map((c) => c.cause),
        changes.map((c) => c.reason),
      ],
    );
  }
}
