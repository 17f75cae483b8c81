import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { TRAJECTORY_COLUMNS, TrajectoryRow } from '../trajectories/trajectory.repository';
import { TRAJECTORY_AUDIT_ENTITY, TrajectoryValues } from '../trajectories/trajectory.types';
import { EMPLOYERS_BY_KVK } from './trajectory-import.sql';

/** An SW-bedrijf or MBO school a row may name. */
export interface PartnerCandidate {
  id: string;
  regionId: string;
  kind: 'sw_company' | 'mbo';
  kvkNumber: string | null;
  name: string;
}

export interface TrajectoryKey {
  employerId: string;
  candidateRef: string;
  startedAt: string;
}

const INSERTED_COLUMNS = `employer_id uuid, region_id uuid, route text, host_organisation_id uuid,
  mbo_organisation_id uuid, crebo text, werkprocessen text[], candidate_ref text, started_at date,
  for_own_employee boolean, status text, praktijkverklaring_at date, outcome text, stopped_at date`;

/** Reads and writes of the trajectory import; writes join the batch's transaction. */
@Injectable()
export class TrajectoryImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  regions(): Promise<{ id: string; code: string }[]> {
    return this.dataSource.query(`SELECT id, code FROM regions`);
  }

  /** Employer ids by `regionId kvkNumber`. */
  async employers(pairs: { regionId: string; kvkNumber: string }[]): Promise<Map<string, string>> {
    if (pairs.length === 0) return new Map();
    const rows: { id: string; regionId: string; kvkNumber: string }[] = await this.db.query(EMPLOYERS_BY_KVK, [
      JSON.stringify(pairs),
    ]);
    return new Map(rows.map((r) => [`${r.regionId} ${r.kvkNumber}`, r.id]));
  }

  /** The SW-bedrijven and MBO schools of these regions. */
  partners(regionIds: string[]): Promise<PartnerCandidate[]> {
    if (regionIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT id, region_id AS "regionId", kind, kvk_number AS "kvkNumber", name FROM organisations
       WHERE kind IN ('sw_company', 'mbo') AND region_id = ANY($1::uuid[])`,
      [regionIds],
    );
  }

  /** The stored trajectories of these keys, locked until the batch commits. */
  lockByKeys(keys: TrajectoryKey[]): Promise<TrajectoryRow[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT ${TRAJECTORY_COLUMNS} FROM trajectories t
       JOIN jsonb_to_recordset($1::jsonb) AS k("employerId" uuid, "candidateRef" text, "startedAt" date)
         ON t.employer_id = k."employerId" AND t.candidate_ref = k."candidateRef" AND t.started_at = k."startedAt"
       ORDER BY t.id FOR UPDATE OF t`,
      [JSON.stringify(keys)],
    );
  }

  insertMany(rows: TrajectoryValues[], createdBy: string | null, importId: string, at: Date): Promise<TrajectoryRow[]> {
    if (rows.length === 0) return Promise.resolve([]);
    return this.db.query(
      `INSERT INTO trajectories AS t (employer_id, region_id, route, host_organisation_id, mbo_organisation_id, crebo,
         werkprocessen, candidate_ref, started_at, for_own_employee, status, praktijkverklaring_at, outcome, stopped_at,
         created_by, import_id, created_at, updated_at)
       SELECT r.*, $2::uuid, $3::uuid, $4::timestamptz, $4::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS r(${INSERTED_COLUMNS})
       RETURNING ${TRAJECTORY_COLUMNS}`,
      [JSON.stringify(rows.map(snakeCase)), createdBy, importId, at],
    );
  }

  async updateMany(
    rows: { id: string; values: TrajectoryValues }[],
    importId: string,
    at: Date,
  ): Promise<TrajectoryRow[]> {
    if (rows.length === 0) return [];
    const result: [TrajectoryRow[], number] = await this.db.query(
      `UPDATE trajectories AS t SET route = r.route, host_organisation_id = r.host_organisation_id,
         mbo_organisation_id = r.mbo_organisation_id, crebo = r.crebo, werkprocessen = r.werkprocessen,
         for_own_employee = r.for_own_employee, status = r.status, praktijkverklaring_at = r.praktijkverklaring_at,
         outcome = r.outcome, stopped_at = r.stopped_at, import_id = $2, updated_at = $3
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, ${INSERTED_COLUMNS})
       WHERE t.id = r.id
       RETURNING ${TRAJECTORY_COLUMNS}`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, ...snakeCase(r.values) }))), importId, at],
    );
    return result[0];
  }

  /** Audit entries for the batch's changes, as the uploader. */
  async audit(
    entries: {
      action: 'create' | 'update';
      entityId: string;
      regionId: string;
      before: object | null;
      after: object;
    }[],
    by: string | null,
    at: Date,
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO audit_log (at, by_user_id, action, entity, entity_id, region_id, before, after)
       SELECT $2::timestamptz, $3::uuid, e.action, '${TRAJECTORY_AUDIT_ENTITY}', e."entityId", e."regionId", e.before, e.after
       FROM jsonb_to_recordset($1::jsonb) AS e(action text, "entityId" uuid, "regionId" uuid, before jsonb, after jsonb)`,
      [JSON.stringify(entries), at, by],
    );
  }

  /** The employers whose trajectories this import created or changed, with the earliest such start. */
  touchedEmployers(importId: string): Promise<{ employerId: string; from: string }[]> {
    return this.dataSource.query(
      `SELECT employer_id AS "employerId", min(started_at)::text AS "from" FROM trajectories
       WHERE import_id = $1 GROUP BY employer_id ORDER BY employer_id`,
      [importId],
    );
  }
}

function snakeCase(values: TrajectoryValues) {
  return {
    employer_id: values.employerId,
    region_id: values.regionId,
    route: values.route,
    host_organisation_id: values.hostOrganisationId,
    mbo_organisation_id: values.mboOrganisationId,
    crebo: values.crebo,
    werkprocessen: values.werkprocessen,
    candidate_ref: values.candidateRef,
    started_at: values.startedAt,
    for_own_employee: values.forOwnEmployee,
    status: values.status,
    praktijkverklaring_at: values.praktijkverklaringAt,
    outcome: values.outcome,
    stopped_at: values.stoppedAt,
  };
}
