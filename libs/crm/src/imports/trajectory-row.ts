import { checkCandidateRef } from '../trajectories/candidate-ref';
import { checkCrebo, checkPastDate, checkWerkprocessen } from '../trajectories/trajectory-fields';
import {
  TRAJECTORY_OUTCOMES,
  TRAJECTORY_ROUTES,
  TRAJECTORY_STATUSES,
  TrajectoryOutcome,
  TrajectoryRoute,
  TrajectoryStatus,
} from '../trajectories/trajectory.types';
import { checkKvkNumber, Checked } from '../validation/identifiers';
import { cellValue } from './employer-row';
import { ImportRowError } from './import.types';
import { TrajectoryCsvColumn, TrajectoryCsvRow } from './trajectory-csv-format';

/** A partner organisation as a row names it: by KvK number, else by name (in the employer's region). */
export interface OrganisationRef {
  kvkNumber: string | null;
  name: string | null;
}

/** A row that passed validation; null fields were empty (keep what is stored). */
export interface TrajectoryRowValues {
  line: number;
  regionId: string;
  kvkNumber: string;
  route: TrajectoryRoute;
  candidateRef: string;
  startedAt: string;
  status: TrajectoryStatus | null;
  praktijkverklaringAt: string | null;
  outcome: TrajectoryOutcome | null;
  crebo: string | null;
  werkprocessen: string[] | null;
  forOwnEmployee: boolean | null;
  host: OrganisationRef | null;
  mbo: OrganisationRef | null;
}

export interface TrajectoryRowContext {
  regionIdByCode: ReadonlyMap<string, string>;
  /** The uploader's regions; null for every region (an admin). */
  allowedRegionIds: ReadonlySet<string> | null;
  /** `YYYY-MM-DD` in Europe/Amsterdam: dates after it are refused. */
  today: string;
}

export type TrajectoryRowResult = { ok: true; values: TrajectoryRowValues } | { ok: false; errors: ImportRowError[] };

const YES = new Set(['true', 'ja', 'j', 'yes', 'y', '1']);
const NO = new Set(['false', 'nee', 'n', 'no', '0']);

/** `YYYY-MM-DD`, or the Dutch spreadsheet habit `DD-MM-YYYY` / `D/M/YYYY`, as `YYYY-MM-DD`. */
export function normaliseDate(raw: string): string {
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(raw.trim());
  if (!dutch) return raw.trim();
  return `${dutch[3]}-${dutch[2].padStart(2, '0')}-${dutch[1].padStart(2, '0')}`;
}

/** Validates and normalises one row; every bad field is reported, not only the first. */
export function readTrajectoryRow(
  line: number,
  cells: TrajectoryCsvRow,
  context: TrajectoryRowContext,
): TrajectoryRowResult {
  const errors: ImportRowError[] = [];
  const cell = (column: TrajectoryCsvColumn) => cellValue(cells[column]);
  const add = (field: TrajectoryCsvColumn, problem: string) => errors.push({ row: line, field, problem });
  const check = (field: TrajectoryCsvColumn, validate: (raw: string) => Checked, required = false) => {
    const raw = cell(field);
    if (raw === null) {
      if (required) add(field, 'is required');
      return null;
    }
    const checked = validate(raw);
    if (checked.ok) return checked.value;
    add(field, checked.problem);
    return null;
  };
  const oneOf = <T extends string>(field: TrajectoryCsvColumn, allowed: readonly T[], required = false): T | null =>
    check(
      field,
      (raw) =>
        (allowed as readonly string[]).includes(raw)
          ? { ok: true, value: raw }
          : { ok: false, problem: `must be one of ${allowed.join(', ')}` },
      required,
    ) as T | null;
  const date = (field: TrajectoryCsvColumn, required = false) =>
    check(field, (raw) => checkPastDate(normaliseDate(raw), context.today), required);

  const kvkNumber = check('kvkNumber', checkKvkNumber, true);
  const regionId = readRegion(cell('regionCode'), context, (problem) => add('regionCode', problem));
  const route = oneOf('route', TRAJECTORY_ROUTES, true);
  const candidateRef = check('candidateRef', checkCandidateRef, true);
  const startedAt = date('startedAt', true);
  const praktijkverklaringAt = date('praktijkverklaringAt');
  if (startedAt !== null && praktijkverklaringAt !== null && praktijkverklaringAt < startedAt) {
    add('praktijkverklaringAt', `must not be before startedAt (${startedAt})`);
  }
  const werkprocessenCell = cell('werkprocessen');
  let werkprocessen: string[] | null = null;
  if (werkprocessenCell !== null) {
    const checked = checkWerkprocessen(werkprocessenCell.split(/[|,;\s]+/));
    if (checked.ok) werkprocessen = checked.value;
    else add('werkprocessen', checked.problem);
  }
  const forOwnEmployee = check('forOwnEmployee', (raw) => {
    const value = raw.toLowerCase();
    if (YES.has(value)) return { ok: true, value: 'true' };
    if (NO.has(value)) return { ok: true, value: 'false' };
    return { ok: false, problem: 'must be true or false (ja/nee, yes/no, 1/0)' };
  });
  const host = organisationRef('host', cell, check, add);
  const mbo = organisationRef('mbo', cell, check, add);
  if (host !== null && route === 'direct') {
    add(host.kvkNumber ? 'hostKvkNumber' : 'hostName', 'is only for a trajectory via an SW-bedrijf');
  }
  const values = {
    line,
    status: oneOf('status', TRAJECTORY_STATUSES),
    outcome: oneOf('outcome', TRAJECTORY_OUTCOMES),
    praktijkverklaringAt,
    crebo: check('crebo', checkCrebo),
    werkprocessen,
    forOwnEmployee: forOwnEmployee === null ? null : forOwnEmployee === 'true',
    host,
    mbo,
  };
  if (errors.length > 0 || !kvkNumber || !regionId || !route || !candidateRef || !startedAt) {
    return { ok: false, errors };
  }
  return { ok: true, values: { ...values, kvkNumber, regionId, route, candidateRef, startedAt } };
}

function readRegion(
  code: string | null,
  context: TrajectoryRowContext,
  fail: (problem: string) => void,
): string | null {
  if (code === null) {
    fail('is required');
    return null;
  }
  const regionId = context.regionIdByCode.get(code.toUpperCase());
  if (regionId === undefined) {
    fail(`"${code}" is not a known arbeidsmarktregio code`);
    return null;
  }
  if (context.allowedRegionIds !== null && !context.allowedRegionIds.has(regionId)) {
    fail(`${code.toUpperCase()} is not one of your regions`);
    return null;
  }
  return regionId;
}

function organisationRef(
  prefix: 'host' | 'mbo',
  cell: (column: TrajectoryCsvColumn) => string | null,
  check: (field: TrajectoryCsvColumn, validate: (raw: string) => Checked) => string | null,
  add: (field: TrajectoryCsvColumn, problem: string) => void,
): OrganisationRef | null {
  const kvkColumn = `${prefix}KvkNumber` as const;
  const nameColumn = `${prefix}Name` as const;
  const kvkNumber = check(kvkColumn, checkKvkNumber);
  const name = cell(nameColumn);
  if (name !== null && name.length > 200) add(nameColumn, 'must be at most 200 characters');
  if (kvkNumber === null && name === null) return null;
  return { kvkNumber, name };
}
