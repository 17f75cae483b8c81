import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, managerFor } from '@app/core';
import type { AppConfig } from '@app/core';
import { erasedAddressSqlKey } from '../privacy/erased-address';
import type { ContactScope } from '../campaigns/campaign.types';
import type { CompiledFilter } from '../segments/segment-filter.types';
import { SkipCounts } from './launch.types';
import { SKIP_COUNT_COLUMNS, SkipCountRow, skipReasonSql, toSkipCounts } from './skip-reason.sql';

export interface PreviewInput {
  campaignId: string;
  regionId: string;
  contactScope: ContactScope;
  filter: CompiledFilter;
  suppressions: boolean;
}

/** The launch's figures before it runs: ONE aggregate query over the segment's employers, no rows to JS. */
@Injectable()
export class LaunchPreviewRepository {
  private readonly erasureKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.erasureKey = erasedAddressSqlKey(config.appSecret);
  }

  async figures(input: PreviewInput): Promise<{ audience: number; wouldEnrol: number; skipped: SkipCounts }> {
    const params = [...input.filter.params, input.regionId, input.campaignId, input.contactScope, this.erasureKey];
    const region = `$${params.length - 3}::uuid`;
    const skip = skipReasonSql({
      campaign: `$${params.length - 2}::uuid`,
      region,
      suppressions: input.suppressions,
      erasureKey: `$${params.length}::bytea`,
    });
    const [row]: (SkipCountRow & { audience: number; would_enrol: number })[] = await managerFor(this.dataSource).query(
      `WITH employers AS (
         SELECT o.id FROM organisations o
         WHERE o.kind = 'employer' AND o.region_id = ${region} AND ${input.filter.sql}
       ), candidates AS (
         SELECT ${skip} AS skip
         FROM contacts c JOIN employers ON employers.id = c.organisation_id
         WHERE ($${params.length - 1} = 'all' OR c.is_primary)
       )
       SELECT (SELECT count(*)::int FROM employers) AS audience,
              count(*) FILTER (WHERE skip IS NULL)::int AS would_enrol, ${SKIP_COUNT_COLUMNS}
       FROM candidates`,
      params,
    );
    return { audience: row.audience, wouldEnrol: row.would_enrol, skipped: toSkipCounts(row) };
  }
}
