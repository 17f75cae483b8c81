import { MigrationInterface, QueryRunner } from 'typeorm';

interface Row {
  id: string;
  employerId: string;
  at: Date;
  initial: boolean;
}

/**
 * Issue 3 review: along `seq`, an employer's `stage_changes.at` never decreases (docs/metrics.md).
 * Rows written before the rule (a call logged for an earlier day, trajectories recorded out of order,
 * an import of history) are dated again the way `dateChange` (libs/crm stages) dates new ones,
 * replayed in recording order: when only the initial prospect row is later, that row moves back to
 * the earlier fact; otherwise the earlier fact moves up to the latest change before it.
 */
export class MonotonicStageHistory1764300001300 implements MigrationInterface {
  name = 'MonotonicStageHistory1764300001300';

  async up(db: QueryRunner): Promise<void> {
    const rows: Row[] = await db.query(`
      SELECT id, employer_id AS "employerId", at, (from_stage IS NULL AND to_stage = 'prospect') AS initial
      FROM stage_changes
      WHERE employer_id IN (
        SELECT employer_id FROM (
          SELECT employer_id, at < max(at) OVER (PARTITION BY employer_id ORDER BY seq
                                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier
          FROM stage_changes) v
        WHERE earlier)
      ORDER BY employer_id, seq`);
    const changed = new Map<string, Date>();
    let recorded: Row[] = [];
    for (const [index, row] of rows.entries()) {
      if (index > 0 && rows[index - 1].employerId !== row.employerId) recorded = [];
      const later = recorded.filter((r) => r.at.getTime() > row.at.getTime());
      if (later.length > 0 && later.every((r) => r.initial)) {
        for (const r of later) changed.set(r.id, (r.at = row.at));
      } else if (later.length > 0) {
        changed.set(row.id, (row.at = new Date(Math.max(...later.map((r) => r.at.getTime())))));
      }
      recorded.push(row);
    }
    if (changed.size === 0) return;
    await db.query(
      `UPDATE stage_changes s SET at = c.at
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, at timestamptz) WHERE s.id = c.id`,
      [JSON.stringify([...changed].map(([id, at]) => ({ id, at: at.toISOString() })))],
    );
  }

  async down(): Promise<void> {
    // The earlier dates were wrong; there is nothing to go back to.
  }
}
