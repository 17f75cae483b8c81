import type { SkipCounts } from './launch.types';

/**
 * Restriction of processing (AVG, issue 7) is not modelled yet: no contact is restricted. When it
 * is, this condition (over contact `c`) is the one place the launch and its preview learn of it.
 */
export const RESTRICTED_CONTACT_SQL = 'FALSE';

export interface SkipSqlParams {
  /** Placeholder of the campaign id (its own enrolments are no overlap). */
  campaign: string;
  /** Placeholder of the campaign's region id. */
  region: string;
  /** Whether the `suppressions` table exists yet (the delivery migration adds it). */
  suppressions: boolean;
}

/**
 * A SQL expression over contact `c` naming why the launch skips it (api.md skip reasons, the first
 * that applies), or NULL when the contact is enrolled. Shared by the launch and its preview, so the
 * preview's figures are the launch's.
 */
export function skipReasonSql({ campaign, region, suppressions }: SkipSqlParams): string {
  const suppressed = suppressions
    ? `EXISTS (SELECT 1 FROM suppressions s
               WHERE s.email = lower(btrim(c.email)) AND (s.region_id IS NULL OR s.region_id = ${region}))`
    : 'FALSE';
  return `CASE
    WHEN c.email IS NULL OR btrim(c.email) = '' THEN 'noEmail'
    WHEN c.email_basis IS NULL THEN 'noBasis'
    WHEN ${suppressed} THEN 'suppressed'
    WHEN ${RESTRICTED_CONTACT_SQL} THEN 'restricted'
    WHEN EXISTS (
      SELECT 1 FROM enrolments oe JOIN campaigns oc ON oc.id = oe.campaign_id
      WHERE oe.contact_id = c.id AND oe.status = 'active' AND oe.campaign_id <> ${campaign}
        AND oc.region_id = ${region} AND oc.status IN ('launching', 'running', 'paused')
    ) THEN 'overlap'
  END`;
}

/** `count(*) FILTER` columns per skip reason over a relation with a `skip` column. */
export const SKIP_COUNT_COLUMNS = `
  count(*) FILTER (WHERE skip = 'noEmail')::int AS no_email,
  count(*) FILTER (WHERE skip = 'noBasis')::int AS no_basis,
  count(*) FILTER (WHERE skip = 'suppressed')::int AS suppressed,
  count(*) FILTER (WHERE skip = 'restricted')::int AS restricted,
  count(*) FILTER (WHERE skip = 'overlap')::int AS overlap`;

export interface SkipCountRow {
  no_email: number;
  no_basis: number;
  suppressed: number;
  restricted: number;
  overlap: number;
}

export function toSkipCounts(row: SkipCountRow): SkipCounts {
  return {
    noEmail: row.no_email,
    noBasis: row.no_basis,
    suppressed: row.suppressed,
    restricted: row.restricted,
    overlap: row.overlap,
  };
}
