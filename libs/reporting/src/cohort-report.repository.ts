import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { COHORT_WINDOWS, CohortGrouping } from './report.types';
import { IN_SCOPE } from './report-sql';

export interface CohortRow {
  period: string;
  size: number;
  [window: string]: string | number | null;
}

const LOCAL_DAY = (expression: string) => `(${expression} AT TIME ZONE 'Europe/Amsterdam')::date`;

/** Share of the cohort first reaching a stage on or before start + N months; null until the window passed. */
const share = (column: string, months: string) => `
  CASE WHEN (cohort + $3::interval - interval '1 day' + interval '${months} months')::date < $4::date
       THEN round(count(*) FILTER (WHERE ${column} <= (start + interval '${months} months')::date)::numeric / count(*), 4)::float8
  END AS "${column}_${months}"`;

/** Each employer's firsts over the regions in scope (an employer's rows could in principle lie in two regions). */
const REACH_IN_REGIONS = `
         SELECT employer_id,
                ${LOCAL_DAY('min(sw_pilot_at)')} AS pilot,
                ${LOCAL_DAY('min(own_trajectory_at)')} AS own,
                ${LOCAL_DAY('min(structural_at)')} AS structural
         FROM employer_stage_firsts
         WHERE ${IN_SCOPE()}
         GROUP BY employer_id`;

/** The share of a cohort within a window from per-cohort counts; null until the window passed. */
const countedShare = (column: string, months: string) => `
  CASE WHEN (cohort + $3::interval - interval '1 day' + interval '${months} months')::date < $4::date
       THEN round(${column}_${months}::numeric / size, 4)::float8
  END AS "${column}_${months}"`;

/**
 * One region's cohorts from `employer_cohort_members` (migration 1764300040000): each member's start month
 * and the first window it reached own_trajectory / structural in are kept by triggers, so the statement counts
 * the region's members per month from one index (a quarter is three whole months) and tests the windows on
 * the counts, not on every employer. Same answer as the statement below for one region. The windows
 * (COHORT_WINDOWS) are fixed in that migration's `own_within` / `structural_within`: another window needs a
 * migration that recomputes them.
 */
const COHORTS_OF_ONE_REGION = (windows: string[]) => `
       WITH months AS (
         SELECT cohort_month, count(*) AS size,
                ${COHORT_WINDOWS.flatMap((n) => [
                  `count(*) FILTER (WHERE own_within <= ${n}) AS own_${n}`,
                  `count(*) FILTER (WHERE structural_within <= ${n}) AS structural_${n}`,
                ]).join(', ')}
         FROM employer_cohort_members
         WHERE ${IN_SCOPE()}
         GROUP BY cohort_month),
       grouped AS (
         SELECT date_trunc($2, cohort_month::timestamp)::date AS cohort, sum(size) AS size,
                ${COHORT_WINDOWS.flatMap((n) => [`sum(own_${n}) AS own_${n}`, `sum(structural_${n}) AS structural_${n}`]).join(', ')}
         FROM months
         GROUP BY 1)
       SELECT to_char(cohort, CASE $2 WHEN 'quarter' THEN 'YYYY-"Q"Q' ELSE 'YYYY-MM' END) AS period,
              size::int AS size, ${windows.join(',')}
       FROM grouped
       ORDER BY cohort`;

/**
 * Employers grouped by their SW-pilot start (docs/metrics.md "Trajectories and the sw_pilot cohort"):
 * the earlier of the first row to sw_pilot and the first SW trajectory's start. Each employer's first reach
 * of sw_pilot, own_trajectory-or-later and structural-or-later comes from `employer_stage_firsts`, the
 * trigger-kept minima over `stage_changes` (migration 1764300011000), not from every row of the region's history.
 * For one region, the members themselves are kept by triggers (`COHORTS_OF_ONE_REGION`).
 */
@Injectable()
export class CohortReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async cohorts(regionIds: string[] | null, by: CohortGrouping, today: string): Promise<CohortRow[]> {
    const params = [regionIds, by, by === 'quarter' ? '3 months' : '1 month', today];
    if (regionIds?.length === 1) {
      const windows = COHORT_WINDOWS.flatMap((n) => [countedShare('own', n), countedShare('structural', n)]);
      return managerFor(this.dataSource).query(COHORTS_OF_ONE_REGION(windows), params);
    }
    const windows = COHORT_WINDOWS.flatMap((n) => [share('own', n), share('structural', n)]);
    return managerFor(this.dataSource).query(
      `WITH reach AS (${REACH_IN_REGIONS}),
       sw AS (
         SELECT employer_id, min(started_at) AS started
         FROM trajectories
         WHERE ${IN_SCOPE()} AND route IN ('sw_internal', 'sw_secondment')
         GROUP BY employer_id),
       members AS (
         SELECT coalesce(r.employer_id, sw.employer_id) AS employer_id,
                least(r.pilot, sw.started) AS start, r.own, r.structural
         FROM reach r FULL JOIN sw ON sw.employer_id = r.employer_id),
       grouped AS (
         SELECT *, date_trunc($2, start::timestamp)::date AS cohort FROM members WHERE start IS NOT NULL)
       SELECT to_char(cohort, CASE $2 WHEN 'quarter' THEN 'YYYY-"Q"Q' ELSE 'YYYY-MM' END) AS period,
              count(*)::int AS size, ${windows.join(',')}
       FROM grouped
       GROUP BY cohort
       ORDER BY cohort`,
      params,
    );
  }
}
