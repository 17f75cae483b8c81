import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, managerFor, PageRequest } from '@app/core';
import { isUniqueViolation } from '../shared/db-errors';
import { TrajectoryState } from './trajectory-status';
import { TrajectoryFilter, TrajectoryRoute, TrajectorySortField, TrajectoryValues } from './trajectory.types';

const CANDIDATE_KEY = 'trajectories_candidate_key';

/** A stored trajectory; dates as `YYYY-MM-DD` text, times as Date. */
export type TrajectoryRow = TrajectoryValues & {
  id: string;
  createdBy: string | null;
  importId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The columns of a trajectory under their API names (`t` is the table alias). */
export const TRAJECTORY_COLUMNS = `t.id, t.employer_id AS "employerId", t.region_id AS "regionId", t.route,
  t.host_organisation_id AS "hostOrganisationId", t.mbo_organisation_id AS "mboOrganisationId", t.crebo,
  t.werkprocessen, t.candidate_ref AS "candidateRef", t.started_at::text AS "startedAt",
  t.for_own_employee AS "forOwnEmployee", t.status, t.praktijkverklaring_at::text AS "praktijkverklaringAt",
  t.outcome, t.stopped_at::text AS "stoppedAt", t.created_by AS "createdBy", t.import_id AS "importId",
  t.created_at AS "createdAt", t.updated_at AS "updatedAt"`;

const SORT_COLUMNS: Record<TrajectorySortField, string> = {
  startedAt: 't.started_at',
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  status: `array_position(ARRAY['intake','agreed','learning','assessment','certified','stopped'], t.status)`,
  praktijkverklaringAt: 't.praktijkverklaring_at',
};

/** One trajectory of an employer in the order the stage rule walks them. */
export interface TrajectoryFact {
  id: string;
  startedAt: string;
  route: TrajectoryRoute;
  forOwnEmployee: boolean;
}

/** The `trajectories` table; every read is limited to a region scope (null: all regions). */
@Injectable()
export class TrajectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  /** Null when it does not exist or lies outside the scope; `lock` holds the row until commit. */
  async findById(id: string, regionIds: string[] | null, lock = false): Promise<TrajectoryRow | null> {
    const rows: TrajectoryRow[] = await this.db.query(
      `SELECT ${TRAJECTORY_COLUMNS} FROM trajectories t
       WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.region_id = ANY($2::uuid[]))${lock ? ' FOR UPDATE' : ''}`,
      [id, regionIds],
    );
    return rows[0] ?? null;
  }

  async insert(values: TrajectoryValues, createdBy: string | null): Promise<TrajectoryRow> {
    try {
      const rows: TrajectoryRow[] = await this.db.query(
        `INSERT INTO trajectories AS t (employer_id, region_id, route, host_organisation_id, mbo_organisation_id,
           crebo, werkprocessen, candidate_ref, started_at, for_own_employee, status, praktijkverklaring_at, outcome,
           stopped_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         RETURNING ${TRAJECTORY_COLUMNS}`,
        [
          values.employerId,
          values.regionId,
          values.route,
          values.hostOrganisationId,
          values.mboOrganisationId,
          values.crebo,
          values.werkprocessen,
          values.candidateRef,
          values.startedAt,
          values.forOwnEmployee,
          values.status,
          values.praktijkverklaringAt,
          values.outcome,
          values.stoppedAt,
          createdBy,
        ],
      );
      return rows[0];
    } catch (error) {
      if (isUniqueViolation(error, CANDIDATE_KEY)) throw duplicateTrajectory();
      throw error;
    }
  }

  async updateState(id: string, state: TrajectoryState, at: Date): Promise<TrajectoryRow> {
    const rows: [TrajectoryRow[], number] = await this.db.query(
      `UPDATE trajectories AS t SET status = $2, praktijkverklaring_at = $3, outcome = $4, stopped_at = $5,
         updated_at = $6
       WHERE t.id = $1 RETURNING ${TRAJECTORY_COLUMNS}`,
      [id, state.status, state.praktijkverklaringAt, state.outcome, state.stoppedAt, at],
    );
    return rows[0][0];
  }

  async list(
    filter: TrajectoryFilter,
    request: PageRequest<TrajectorySortField>,
  ): Promise<{ items: TrajectoryRow[]; total: number }> {
    const where = `($1::uuid[] IS NULL OR t.region_id = ANY($1::uuid[]))
      AND ($2::uuid IS NULL OR t.employer_id = $2) AND ($3::text IS NULL OR t.status = $3)
      AND ($4::text IS NULL OR t.route = $4)`;
    const params = [filter.regionIds, filter.employerId ?? null, filter.status ?? null, filter.route ?? null];
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction} NULLS LAST`).join(', ');
    const [items, counted] = await Promise.all([
      this.db.query(
        `SELECT ${TRAJECTORY_COLUMNS} FROM trajectories t WHERE ${where}
         ORDER BY ${order}, t.id LIMIT $5 OFFSET $6`,
        [...params, request.pageSize, (request.page - 1) * request.pageSize],
      ) as Promise<TrajectoryRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM trajectories t WHERE ${where}`, params) as Promise<
        { total: number }[]
      >,
    ]);
    return { items, total: counted[0].total };
  }

  /** Every trajectory of the employer, whatever the scope (its removal audits them). */
  ofEmployer(employerId: string): Promise<TrajectoryRow[]> {
    return this.db.query(
      `SELECT ${TRAJECTORY_COLUMNS} FROM trajectories t WHERE t.employer_id = $1 ORDER BY t.started_at, t.id`,
      [employerId],
    );
  }

  /** Every trajectory of the employer, in start-date order (then as recorded). */
  facts(employerId: string): Promise<TrajectoryFact[]> {
    return this.db.query(
      `SELECT t.id, t.started_at::text AS "startedAt", t.route, t.for_own_employee AS "forOwnEmployee"
       FROM trajectories t WHERE t.employer_id = $1 ORDER BY t.started_at, t.created_at, t.id`,
      [employerId],
    );
  }
}

export function duplicateTrajectory(): DomainError {
  return DomainError.conflict(
    'trajectory.duplicate',
    'This employer already has a trajectory of this candidate starting on this date',
    'candidateRef',
  );
}
