import { ErrorDetail } from '@app/core';
import { checkPraktijkverklaringAt } from './trajectory-fields';
import {
  TRAJECTORY_OUTCOMES,
  TRAJECTORY_STATUSES,
  TrajectoryOutcome,
  TrajectoryStatus,
  TrajectoryUpdateInput,
} from './trajectory.types';

/** The steps of a running trajectory, in order; `certified` and `stopped` are final. */
const FLOW: readonly TrajectoryStatus[] = ['intake', 'agreed', 'learning', 'assessment', 'certified'];

export const TrajectoryRule = {
  IllegalStep: 'trajectory.illegal_status_step',
  Final: 'trajectory.final_status',
  OutcomeNeedsEnd: 'trajectory.outcome_needs_end',
  PraktijkverklaringNeedsCertified: 'trajectory.praktijkverklaring_needs_certified',
} as const;

export interface TrajectoryState {
  status: TrajectoryStatus;
  startedAt: string;
  praktijkverklaringAt: string | null;
  outcome: TrajectoryOutcome | null;
  stoppedAt: string | null;
}

export type StatusDecision =
  | { kind: 'ok'; state: TrajectoryState }
  | { kind: 'invalid'; details: ErrorDetail[] }
  | { kind: 'conflict'; code: string; message: string; field: string };

export function isFinalStatus(status: TrajectoryStatus): boolean {
  return status === 'certified' || status === 'stopped';
}

/** True for the moves the flow allows: the next step, or `stopped` from a state that is not final. */
export function isAllowedStep(from: TrajectoryStatus, to: TrajectoryStatus): boolean {
  if (isFinalStatus(from)) return false;
  if (to === 'stopped') return true;
  return FLOW.indexOf(to) === FLOW.indexOf(from) + 1;
}

/**
 * `PATCH /api/trajectories/:id`. Order of answers: malformed values 400; an illegal step 409 (also a
 * move out of a final state); a certified trajectory without its praktijkverklaring date 400; a
 * praktijkverklaring date on a trajectory that is not certified, or an outcome on one that is neither
 * certified nor stopped, 409. Keeping the status (or leaving it out) lets the date and outcome be
 * corrected later. Stopping records today as `stoppedAt`.
 */
export function decideStatusChange(
  current: TrajectoryState,
  input: TrajectoryUpdateInput,
  today: string,
): StatusDecision {
  const details: ErrorDetail[] = [];
  let to = current.status;
  if (input.status !== undefined) {
    if ((TRAJECTORY_STATUSES as readonly string[]).includes(input.status)) to = input.status as TrajectoryStatus;
    else details.push({ field: 'status', problem: `must be one of ${TRAJECTORY_STATUSES.join(', ')}` });
  }
  let praktijkverklaringAt = current.praktijkverklaringAt;
  if (input.praktijkverklaringAt !== undefined) {
    praktijkverklaringAt = null;
    if (input.praktijkverklaringAt !== null) {
      const checked = checkPraktijkverklaringAt(input.praktijkverklaringAt, current.startedAt, today);
      if (checked.ok) praktijkverklaringAt = checked.value;
      else details.push({ field: 'praktijkverklaringAt', problem: checked.problem });
    }
  }
  let outcome = current.outcome;
  if (input.outcome !== undefined) {
    if (input.outcome === null || (TRAJECTORY_OUTCOMES as readonly string[]).includes(input.outcome)) {
      outcome = input.outcome as TrajectoryOutcome | null;
    } else details.push({ field: 'outcome', problem: `must be one of ${TRAJECTORY_OUTCOMES.join(', ')}` });
  }
  if (details.length > 0) return { kind: 'invalid', details };

  if (to !== current.status && !isAllowedStep(current.status, to)) {
    return {
      kind: 'conflict',
      code: isFinalStatus(current.status) ? TrajectoryRule.Final : TrajectoryRule.IllegalStep,
      message: isFinalStatus(current.status)
        ? `A ${current.status} trajectory is final; its status cannot change`
        : `A trajectory moves ${current.status} → ${nextStep(current.status)} (or stopped), not to ${to}`,
      field: 'status',
    };
  }
  if (to === 'certified' && praktijkverklaringAt === null) {
    return {
      kind: 'invalid',
      details: [{ field: 'praktijkverklaringAt', problem: 'is required for a certified trajectory' }],
    };
  }
  if (to !== 'certified' && praktijkverklaringAt !== null) {
    return {
      kind: 'conflict',
      code: TrajectoryRule.PraktijkverklaringNeedsCertified,
      message: 'Only a certified trajectory has a praktijkverklaring date',
      field: 'praktijkverklaringAt',
    };
  }
  if (outcome !== null && !isFinalStatus(to)) {
    return {
      kind: 'conflict',
      code: TrajectoryRule.OutcomeNeedsEnd,
      message: 'An outcome is recorded once the trajectory is certified or stopped',
      field: 'outcome',
    };
  }
  // Stopped by hand now: today; already stopped (an import may not know the day): kept as it is.
  const stoppedAt = to !== 'stopped' ? null : current.status === 'stopped' ? current.stoppedAt : today;
  return { kind: 'ok', state: { ...current, status: to, praktijkverklaringAt, outcome, stoppedAt } };
}

function nextStep(status: TrajectoryStatus): TrajectoryStatus {
  return FLOW[FLOW.indexOf(status) + 1];
}
