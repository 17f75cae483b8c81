/**
 * The trajectory CSV of `POST /api/imports/trajectories` (historic placements): a header row, then one
 * trajectory per row, upserted by (employer, candidateRef, startedAt). The employer is found by
 * `kvkNumber` within `regionCode` and must exist. An empty cell keeps the stored value (a new
 * trajectory: status `intake`, forOwnEmployee false); when a row gives `status`, its
 * `praktijkverklaringAt` and `outcome` cells replace the stored ones (empty: none).
 *
 * - `route`: sw_internal | sw_secondment | direct
 * - `candidateRef`: a pseudonym, never a BSN (nine digits passing the 11-proef are refused)
 * - `startedAt`, `praktijkverklaringAt`: YYYY-MM-DD (or DD-MM-YYYY), not in the future
 * - `status`: intake | agreed | learning | assessment | certified | stopped (the file records what
 *   happened, so any status may be given; certified needs praktijkverklaringAt)
 * - `outcome`: employed_at_host | employed_at_sw | further_education | other | unknown (certified or stopped only)
 * - `crebo`: 5 digits; `werkprocessen`: codes like B1-K1-W2, separated by `|`, `,`, `;` or spaces
 * - `forOwnEmployee`: true/false, ja/nee, yes/no, 1/0
 * - `hostKvkNumber` or `hostName`: the SW-bedrijf (kind sw_company) of the employer's region, SW routes only
 * - `mboKvkNumber` or `mboName`: the MBO school (kind mbo) of the employer's region
 */
export const TRAJECTORY_CSV_COLUMNS = [
  'kvkNumber',
  'regionCode',
  'route',
  'candidateRef',
  'startedAt',
  'status',
  'praktijkverklaringAt',
  'outcome',
  'crebo',
  'werkprocessen',
  'forOwnEmployee',
  'hostKvkNumber',
  'hostName',
  'mboKvkNumber',
  'mboName',
] as const;

export type TrajectoryCsvColumn = (typeof TRAJECTORY_CSV_COLUMNS)[number];
export type TrajectoryCsvRow = Partial<Record<TrajectoryCsvColumn, string>>;

export const REQUIRED_TRAJECTORY_CSV_COLUMNS: readonly TrajectoryCsvColumn[] = [
  'kvkNumber',
  'regionCode',
  'route',
  'candidateRef',
  'startedAt',
];
