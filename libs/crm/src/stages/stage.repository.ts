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

  /** Writes the new stage and its history row (call with the row locked). */
  async record(change: StageChange, stageBeforeSide: PipelineStage | null, now: Date): Promise<void> {
    const db = managerFor(this.dataSource);
    await db.query(`UPDATE organisations SET stage = $2, stage_before_side = $3, updated_at = $4 WHERE id = $1`, [
      change.employerId,
      change.to,
      stageBeforeSide,
      now,
    ]);
    await this.insert(change);
  }

  /**
   * The one definition of the "entered prospect" row every employer starts with: `{ from: null, to:
   * 'prospect', cause: 'manual' }` at its creation, by its creator. Service-side creation writes it here
   * (EmployerService); the employer import inserts the same row set-based
   * (employer-import.repository.ts), and so did migration 1764300001000's backfill and the demo —
   * keep them in step with this one. `dateChange` may later move its `at` back (docs/metrics.md).
   */
  async recordInitial(employer: { id: string; regionId: string; createdAt: string | Date }, by: string | null) {
    await this.insert({
      employerId: employer.id,
      regionId: employer.regionId,
      from: null,
      to: 'prospect',
      at: new Date(employer.createdAt),
      by,
      cause: 'manual',
      reason: null,
    });
  }

  /** The employer's recorded changes dated after `at` (call with the row locked). */
  async changesAfter(employerId: string, at: Date): Promise<LaterChange[]> {
    return managerFor(this.dataSource).query(
      `SELECT at, (from_stage IS NULL AND to_stage = 'prospect') AS initial
       FROM stage_changes WHERE employer_id = $1 AND at > $2 ORDER BY seq`,
      [employerId, at],
    );
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

  private async insert(change: StageChange): Promise<void> {
    await managerFor(this.dataSource).query(
      `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, by_user_id, cause, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [change.employerId, change.regionId, change.from, change.to, change.at, change.by, change.cause, change.reason],
    );
  }
}
