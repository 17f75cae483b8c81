import { erasedAddressSql } from '../privacy/erased-address';
import type { SkipCounts } from './launch.types';

/**
 * Restriction of processing (AVG art. 18, a data-subject request), or an erasure (a tombstone that a
 * later edit could give an address again): the one place (over contact `c`) where the launch and its
 * preview learn of it.
 */
export const RESTRICTED_CONTACT_SQL = `EXISTS (SELECT 1 FROM contact_privacy p
  WHERE p.contact_id = c.id AND (p.restricted_at IS NOT NULL OR p.erased_at IS NOT NULL))`;

/**
 * Objection to direct marketing (AVG art. 21): tied to the person, so it holds at any address the
 * contact has later (skip reason `suppressed`, like the suppression of the address it also adds).
 */
export const OBJECTED_CONTACT_SQL = `EXISTS (SELECT 1 FROM contact_privacy p
  WHERE p.contact_id = c.id AND p.objected_at IS NOT NULL)`;

export interface SkipSqlParams {
  /** Placeholder of the campaign id (its own enrolments are no overlap). */
  campaign: string;
  /** Placeholder of the campaign's region id. */
  region: string;
  /** Whether the `suppressions` table exists yet (the delivery migration adds it). */
  suppressions: boolean;
  /** Placeholder of `erasedAddressSqlKey(APP_SECRET)`: an erased person's address is suppressed by its hash. */
  erasureKey: string;
}

/**
 * A SQL expression over contact `c` naming why the launch skips it (api.md skip reasons, the first
 * that applies), or NULL when the contact is enrolled. Shared by the launch and its preview, so the
 * preview's figures are the launch's.
 */
export function skipReasonSql({ campaign, region, suppressions, erasureKey }: SkipSqlParams): string {
  const suppressed = suppressions
    ? `EXISTS (SELECT 1 FROM suppressions s
               WHERE s.email IN (lower(btrim(c.email)), ${erasedAddressSql('c.email', erasureKey)})
                 AND (s.region_id IS NULL OR s.region_id = ${region}))`
    : 'FALSE';
  return `CASE
    WHEN c.email IS NULL OR btrim(c.email) = '' THEN 'noEmail'
    WHEN c.email_basis IS NULL THEN 'noBasis'
    WHEN ${suppressed} OR ${OBJECTED_CONTACT_SQL} THEN 'suppressed'
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
