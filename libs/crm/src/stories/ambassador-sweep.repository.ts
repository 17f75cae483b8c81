import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { usableSql } from './story-usable';

/** Finds the employers the daily ambassador sweep moves; joins the running transaction. */
@Injectable()
export class AmbassadorSweepRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Structural employers with a usable story (on `today`), except those whose latest stage change is
   * an override: a coordinator who set the stage by hand is not overruled each night. `employerId`
   * narrows to one (the re-check once its row is locked).
   */
  async candidates(today: string, employerId: string | null = null): Promise<string[]> {
    const rows: { id: string }[] = await managerFor(this.dataSource).query(
      `SELECT o.id FROM organisations o
       WHERE o.kind = 'employer' AND o.stage = 'structural' AND ($2::uuid IS NULL OR o.id = $2)
         AND EXISTS (SELECT 1 FROM stories s WHERE s.employer_id = o.id AND ${usableSql('$1')})
         AND (SELECT c.cause FROM stage_changes c WHERE c.employer_id = o.id ORDER BY c.seq DESC LIMIT 1)
             IS DISTINCT FROM 'override'
       ORDER BY o.id`,
      [today, employerId],
    );
    return rows.map((row) => row.id);
  }
}
