import { TRAJECTORY_STATUSES, TrajectoryStatus } from './trajectory.types';
import { decideStatusChange, isAllowedStep, TrajectoryRule, TrajectoryState } from './trajectory-status';

const TODAY = '2026-05-10';

function state(status: TrajectoryStatus, extra: Partial<TrajectoryState> = {}): TrajectoryState {
  return {
    status,
    startedAt: '2025-09-01',
    praktijkverklaringAt: status === 'certified' ? '2026-03-01' : null,
    outcome: null,
    stoppedAt: null,
    ...extra,
  };
}

/**
 * Allowed moves, one row per current status, one column per target in the order intake agreed
 * learning assessment certified stopped: ✓ allowed, · 409 (a move to the same status is no move).
 */
const STEPS: Record<TrajectoryStatus, string> = {
  intake: '=✓···✓',
  agreed: '·=✓··✓',
  learning: '··=✓·✓',
  assessment: '···=✓✓',
  certified: '·····=',
  stopped: '······',
};

describe('trajectory status flow', () => {
  const cases = TRAJECTORY_STATUSES.flatMap((from) =>
    TRAJECTORY_STATUSES.filter((to) => to !== from).map((to, _i, _all) => {
      const symbol = [...STEPS[from]][TRAJECTORY_STATUSES.indexOf(to)];
      return [from, to, symbol === '✓'] as const;
    }),
  );

  it.each(cases)('should judge %s → %s as allowed: %s', (from, to, allowed) => {
    expect(isAllowedStep(from, to)).toBe(allowed);
    const decision = decideStatusChange(
      state(from),
      { status: to, praktijkverklaringAt: to === 'certified' ? '2026-04-01' : undefined },
      TODAY,
    );
    expect(decision.kind).toBe(allowed ? 'ok' : 'conflict');
  });

  it('should name the final-state rule when a certified trajectory is moved', () => {
    expect(decideStatusChange(state('certified'), { status: 'stopped' }, TODAY)).toMatchObject({
      kind: 'conflict',
      code: TrajectoryRule.Final,
    });
  });

  it('should name the step rule when a step is skipped', () => {
    expect(decideStatusChange(state('intake'), { status: 'learning' }, TODAY)).toMatchObject({
      kind: 'conflict',
      code: TrajectoryRule.IllegalStep,
      field: 'status',
    });
  });

  it('should answer 409 for a jump to certified even when the praktijkverklaring date is missing', () => {
    expect(decideStatusChange(state('intake'), { status: 'certified' }, TODAY).kind).toBe('conflict');
  });

  it('should require the praktijkverklaring date when an assessment is certified', () => {
    expect(decideStatusChange(state('assessment'), { status: 'certified' }, TODAY)).toEqual({
      kind: 'invalid',
      details: [{ field: 'praktijkverklaringAt', problem: 'is required for a certified trajectory' }],
    });
  });

  it.each([
    ['2026-05-11', 'must not be in the future'],
    ['2025-08-31', 'must not be before the trajectory started (2025-09-01)'],
    ['2026-02-30', 'must be a date written as YYYY-MM-DD'],
  ])('should refuse praktijkverklaringAt %s when it is out of range', (date, problem) => {
    expect(decideStatusChange(state('assessment'), { status: 'certified', praktijkverklaringAt: date }, TODAY)).toEqual(
      { kind: 'invalid', details: [{ field: 'praktijkverklaringAt', problem }] },
    );
  });

  it('should certify with the date and an outcome when both are given', () => {
    const decision = decideStatusChange(
      state('assessment'),
      { status: 'certified', praktijkverklaringAt: '2026-05-10', outcome: 'employed_at_host' },
      TODAY,
    );
    expect(decision).toEqual({
      kind: 'ok',
      state: {
        ...state('assessment'),
        status: 'certified',
        praktijkverklaringAt: '2026-05-10',
        outcome: 'employed_at_host',
      },
    });
  });

  it('should refuse an outcome when the trajectory is still running', () => {
    expect(decideStatusChange(state('learning'), { outcome: 'other' }, TODAY)).toMatchObject({
      kind: 'conflict',
      code: TrajectoryRule.OutcomeNeedsEnd,
    });
  });

  it('should refuse a praktijkverklaring date when the trajectory is not certified', () => {
    expect(decideStatusChange(state('learning'), { praktijkverklaringAt: '2026-01-01' }, TODAY)).toMatchObject({
      kind: 'conflict',
      code: TrajectoryRule.PraktijkverklaringNeedsCertified,
    });
  });

  it('should record today as stoppedAt and accept an outcome when a trajectory is stopped', () => {
    expect(decideStatusChange(state('learning'), { status: 'stopped', outcome: 'unknown' }, TODAY)).toEqual({
      kind: 'ok',
      state: { ...state('learning'), status: 'stopped', outcome: 'unknown', stoppedAt: TODAY },
    });
  });

  it('should keep the stop day when the outcome of a stopped trajectory is set later', () => {
    const stopped = state('stopped', { stoppedAt: '2026-01-15' });
    expect(decideStatusChange(stopped, { outcome: 'further_education' }, TODAY)).toEqual({
      kind: 'ok',
      state: { ...stopped, outcome: 'further_education' },
    });
  });

  it('should refuse a certified trajectory without its date when the date is cleared', () => {
    expect(decideStatusChange(state('certified'), { praktijkverklaringAt: null }, TODAY).kind).toBe('invalid');
  });

  it('should report unknown values before any flow rule when the body is malformed', () => {
    expect(decideStatusChange(state('intake'), { status: 'done', outcome: 'rich' }, TODAY)).toEqual({
      kind: 'invalid',
      details: [
        { field: 'status', problem: 'must be one of intake, agreed, learning, assessment, certified, stopped' },
        {
          field: 'outcome',
          problem: 'must be one of employed_at_host, employed_at_sw, further_education, other, unknown',
        },
      ],
    });
  });
});
