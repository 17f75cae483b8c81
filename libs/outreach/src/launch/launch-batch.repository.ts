import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, managerFor } from '@app/core';
import type { AppConfig } from '@app/core';
import { erasedAddressSqlKey } from '../privacy/erased-address';
import type { ContactScope } from '../campaigns/campaign.types';
import { SkipCounts } from './launch.types';
import { SKIP_COUNT_COLUMNS, SkipCountRow, skipReasonSql, toSkipCounts } from './skip-reason.sql';

export interface BatchInput {
  campaignId: string;
  regionId: string;
  contactScope: ContactScope;
  employerIds: string[];
  /** When the first step (an e-mail) is due. */
  firstStepAt: Date;
  at: Date;
  suppressions: boolean;
}

/**
 * Enrols one batch of employers' contacts in ONE statement: judges each contact in scope (skip
 * reason or none), inserts the enrolments (`ON CONFLICT DO NOTHING`: a replayed batch adds nothing)
 * and counts the skipped by reason. Contacts already enrolled in the campaign are not judged again.
 */
@Injectable()
export class LaunchBatchRepository {
  private readonly erasureKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.erasureKey = erasedAddressSqlKey(config.appSecret);
  }

  async enrol(input: BatchInput): Promise<{ enrolled: number; skipped: SkipCounts }> {
    const manager = managerFor(this.dataSource);
    // Two launches in one region take turns per batch, so each sees the other's enrolments (overlap).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('campaign-launch-' || $1::text))`, [input.regionId]);
    const skip = skipReasonSql({
      campaign: '$1::uuid',
      region: '$2::uuid',
      suppressions: input.suppressions,
      erasureKey: '$7::bytea',
    });
    const [row]: (SkipCountRow & { enrolled: number })[] = await manager.query(
      `WITH candidates AS (
         SELECT c.id, c.organisation_id, ${skip} AS skip
         FROM contacts c
         WHERE c.organisation_id = ANY($4::uuid[]) AND ($3 = 'all' OR c.is_primary)
           AND NOT EXISTS (SELECT 1 FROM enrolments x WHERE x.campaign_id = $1 AND x.contact_id = c.id)
       ), inserted AS (
         INSERT INTO enrolments (campaign_id, contact_id, employer_id, region_id, current_step, next_step_at,
                                 created_at, updated_at)
         SELECT $1, id, organisation_id, $2, 0, $5, $6, $6 FROM candidates WHERE skip IS NULL
         ON CONFLICT (campaign_id, contact_id) DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM inserted) AS enrolled, ${SKIP_COUNT_COLUMNS} FROM candidates`,
      [
        input.campaignId,
        input.regionId,
        input.contactScope,
        input.employerIds,
        input.firstStepAt,
        input.at,
        this.erasureKey,
      ],
    );
    return { enrolled: row.enrolled, skipped: toSkipCounts(row) };
  }
}
