import { DataSource } from 'typeorm';

/** A step of a hand-built history: the stage entered, when (ISO instant, UTC) and why. */
export type Step = [to: string, at: string, cause?: string, reason?: string];

let kvk = 30000000;

/** Inserts an employer straight into the table (its current stage is the history's last step). */
export async function insertEmployer(
  db: DataSource,
  regionId: string,
  options: { sbiSection?: string; sizeClass?: string; name?: string } = {},
): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO organisations (region_id, kind, name, kvk_number, sbi_version, sbi_section, size_class)
     VALUES ($1, 'employer', $2, $3, $4, $5, $6) RETURNING id`,
    [
      regionId,
      options.name ?? `Werkgever ${kvk}`,
      String(kvk++),
      options.sbiSection ? 2025 : null,
      options.sbiSection ?? null,
      options.sizeClass ?? null,
    ],
  );
  return rows[0].id;
}

/** Writes the stage history in the order given (so `seq` follows it), as one unbroken chain. */
export async function insertHistory(db: DataSource, employerId: string, steps: Step[]): Promise<void> {
  const [{ region_id: regionId }]: { region_id: string }[] = await db.query(
    `SELECT region_id FROM organisations WHERE id = $1`,
    [employerId],
  );
  let from: string | null = null;
  for (const [to, at, cause, reason] of steps) {
    await db.query(
      `INSERT INTO stage_changes (employer_id, region_id, from_stage, to_stage, at, cause, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [employerId, regionId, from, to, at, cause ?? 'manual', reason ?? null],
    );
    from = to;
  }
  if (from) await db.query(`UPDATE organisations SET stage = $2 WHERE id = $1`, [employerId, from]);
}

/** An employer with its history in one call. */
export async function employerWith(db: DataSource, regionId: string, steps: Step[]): Promise<string> {
  const id = await insertEmployer(db, regionId);
  await insertHistory(db, id, steps);
  return id;
}

export async function insertSwCompany(db: DataSource, regionId: string): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO organisations (region_id, kind, name) VALUES ($1, 'sw_company', 'SW-bedrijf') RETURNING id`,
    [regionId],
  );
  return rows[0].id;
}

export async function insertLink(
  db: DataSource,
  swCompanyId: string,
  employerId: string,
  since: string,
  until: string | null = null,
): Promise<void> {
  await db.query(
    `INSERT INTO network_links (organisation_id, employer_id, relation, since, until) VALUES ($1, $2, 'pilot_host', $3, $4)`,
    [swCompanyId, employerId, since, until],
  );
}

export interface TrajectoryFixture {
  route: 'sw_internal' | 'sw_secondment' | 'direct';
  startedAt: string;
  status?: string;
  praktijkverklaringAt?: string;
  outcome?: string;
  stoppedAt?: string;
}

let candidate = 0;

/** Inserts a trajectory row as it stands (no stage moves: the test writes the history it wants). */
export async function insertTrajectory(db: DataSource, employerId: string, t: TrajectoryFixture): Promise<void> {
  await db.query(
    `INSERT INTO trajectories (employer_id, region_id, route, candidate_ref, started_at, status, praktijkverklaring_at,
                               outcome, stopped_at)
     SELECT id, region_id, $2, $3, $4, $5, $6, $7, $8 FROM organisations WHERE id = $1`,
    [
      employerId,
      t.route,
      `cand-${candidate++}`,
      t.startedAt,
      t.status ?? 'learning',
      t.praktijkverklaringAt ?? null,
      t.outcome ?? null,
      t.stoppedAt ?? null,
    ],
  );
}
