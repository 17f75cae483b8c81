/** SQL of the trajectory import (see trajectory-import.repository.ts). */

/**
 * Employers by (region, KvK) for $1, a JSON array of `{ regionId, kvkNumber }`: one probe of the unique (region, KvK)
 * key per pair. The KvK number comes as char(8), the column's type: compared as text, the column is cast and the key
 * cannot be probed on both columns (33 ms a pair on a million employers, through the trigram index). LATERAL … LIMIT 1
 * for the reason at the employer import's LOOK_UP_EMPLOYERS: no merge join on the region alone.
 */
export const EMPLOYERS_BY_KVK = `
  SELECT o.id, o.region_id AS "regionId", o.kvk_number AS "kvkNumber"
  FROM jsonb_to_recordset($1::jsonb) AS k("regionId" uuid, "kvkNumber" char(8))
  CROSS JOIN LATERAL (
    SELECT e.id, e.region_id, e.kvk_number FROM organisations e
    WHERE e.kind = 'employer' AND e.region_id = k."regionId" AND e.kvk_number = k."kvkNumber" LIMIT 1) o`;
