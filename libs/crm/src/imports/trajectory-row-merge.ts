import { isFinalStatus } from '../trajectories/trajectory-status';
import { TrajectoryValues } from '../trajectories/trajectory.types';
import { ImportRowError } from './import.types';
import { TrajectoryRowValues } from './trajectory-row';

/** The ids a row's names resolved to; null where the row left the cells empty. */
export interface ResolvedRow {
  employerId: string;
  hostId: string | null;
  mboId: string | null;
}

export type MergedRow =
  | { ok: true; values: TrajectoryValues; outcome: 'created' | 'updated' | 'unchanged' }
  | { ok: false; errors: ImportRowError[] };

const COMPARED: (keyof TrajectoryValues)[] = [
  'route',
  'hostOrganisationId',
  'mboOrganisationId',
  'crebo',
  'werkprocessen',
  'forOwnEmployee',
  'status',
  'praktijkverklaringAt',
  'outcome',
  'stoppedAt',
];

/**
 * A row merged with the stored trajectory of its key (null: a new one). Empty cells keep stored
 * values; a row that gives a status also gives its praktijkverklaring date and outcome (empty: none).
 * A direct trajectory has no host. A certified or stopped trajectory keeps its status (a row error
 * otherwise). The merged state must hold: certified ⇔ a praktijkverklaring date, an outcome only when
 * certified or stopped.
 */
export function mergeTrajectoryRow(
  row: TrajectoryRowValues,
  stored: TrajectoryValues | null,
  resolved: ResolvedRow,
): MergedRow {
  const withStatus = row.status !== null;
  const status = row.status ?? stored?.status ?? 'intake';
  const praktijkverklaringAt = withStatus
    ? row.praktijkverklaringAt
    : (row.praktijkverklaringAt ?? stored?.praktijkverklaringAt ?? null);
  const outcome = withStatus ? row.outcome : (row.outcome ?? stored?.outcome ?? null);
  const errors: ImportRowError[] = [];
  const add = (field: string, problem: string) => errors.push({ row: row.line, field, problem });
  // A final status stays (as with PATCH): an older file must not turn a certified trajectory back.
  if (stored !== null && isFinalStatus(stored.status) && status !== stored.status) {
    add('status', `cannot change: the trajectory is already ${stored.status}, a final status`);
    return { ok: false, errors };
  }
  if (status === 'certified' && praktijkverklaringAt === null)
    add('praktijkverklaringAt', 'is required for status certified');
  if (status !== 'certified' && praktijkverklaringAt !== null)
    add('praktijkverklaringAt', 'is only for status certified');
  if (outcome !== null && status !== 'certified' && status !== 'stopped') {
    add('outcome', 'is only for status certified or stopped');
  }
  if (errors.length > 0) return { ok: false, errors };

  const values: TrajectoryValues = {
    employerId: resolved.employerId,
    regionId: row.regionId,
    route: row.route,
    hostOrganisationId: row.route === 'direct' ? null : (resolved.hostId ?? stored?.hostOrganisationId ?? null),
    mboOrganisationId: resolved.mboId ?? stored?.mboOrganisationId ?? null,
    crebo: row.crebo ?? stored?.crebo ?? null,
    werkprocessen: row.werkprocessen ?? stored?.werkprocessen ?? [],
    candidateRef: row.candidateRef,
    startedAt: row.startedAt,
    forOwnEmployee: row.forOwnEmployee ?? stored?.forOwnEmployee ?? false,
    status,
    praktijkverklaringAt,
    outcome,
    // The file does not say when a trajectory stopped; a stop recorded earlier keeps its day.
    stoppedAt: status === 'stopped' && stored?.status === 'stopped' ? stored.stoppedAt : null,
  };
  if (stored === null) return { ok: true, values, outcome: 'created' };
  const changed = COMPARED.some((key) => JSON.stringify(values[key]) !== JSON.stringify(stored[key]));
  return { ok: true, values, outcome: changed ? 'updated' : 'unchanged' };
}
