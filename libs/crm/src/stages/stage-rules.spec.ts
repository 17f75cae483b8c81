import { ROLES } from '@app/auth';
import { EMPLOYER_STAGES, EmployerStage } from '../employers/employer.types';
import { decideAdvance, decideHandMove, HandMoveDecision, StageRule } from './stage-rules';
import { PIPELINE_STAGES, PipelineStage } from './stage.types';

/**
 * Expected hand moves without override, one row per current stage, one column per target, in the
 * order of EMPLOYER_STAGES (prospect contacted interested sw_pilot own_trajectory structural ambassador
 * not_interested paused):
 *   = unchanged · M allowed · R allowed with a reason (400 without) · F 409 later stages follow facts ·
 *   K 409 a later stage is kept · f, k the same 409 with a reason, but 400 for the missing reason first
 *   (a move back or out of a side state needs one; api.md: 400 before 409)
 */
const HAND_MOVES: Record<string, string> = {
  prospect: '=MMFFFFRM',
  contacted: 'R=MFFFFRM',
  interested: 'RR=FFFFRM',
  sw_pilot: 'kkk=FFFRM',
  own_trajectory: 'kkkf=FFRM',
  structural: 'kkkff=FRM',
  ambassador: 'kkkfff=RM',
};

/** From a side state the row depends on the stage kept from before it; leaving always needs a reason. */
const FROM_SIDE: Record<string, { before: PipelineStage | null; row: string }[]> = {
  not_interested: [
    { before: null, row: 'RRRffff=R' },
    { before: 'contacted', row: 'RRRffff=R' },
    { before: 'own_trajectory', row: 'RRRfRff=R' },
    { before: 'ambassador', row: 'RRRfffR=R' },
  ],
  paused: [
    { before: null, row: 'RRRffffR=' },
    { before: 'interested', row: 'RRRffffR=' },
    { before: 'sw_pilot', row: 'RRRRfffR=' },
    { before: 'structural', row: 'RRRffRfR=' },
  ],
};

function symbol(withReason: HandMoveDecision, withoutReason: HandMoveDecision): string {
  if (withReason.kind === 'unchanged') return '=';
  if (withReason.kind === 'refused') {
    const code = withReason.rule === StageRule.LaterStagesFollowFacts ? 'F' : 'K';
    if (withoutReason.kind === 'needs_reason') return code.toLowerCase();
    expect(withoutReason).toEqual(withReason);
    return code;
  }
  if (withReason.kind !== 'move') return '?';
  expect(withReason.cause).toBe('manual');
  if (withoutReason.kind === 'move') return 'M';
  return withoutReason.kind === 'needs_reason' ? 'R' : '?';
}

function row(from: EmployerStage, before: PipelineStage | null, role: (typeof ROLES)[number]): string {
  return EMPLOYER_STAGES.map((to) =>
    symbol(
      decideHandMove(from, before, { stage: to, hasReason: true, override: false }, role),
      decideHandMove(from, before, { stage: to, hasReason: false, override: false }, role),
    ),
  ).join('');
}

describe('decideHandMove', () => {
  describe.each(ROLES)('without override as %s', (role) => {
    it.each(Object.entries(HAND_MOVES))('should judge every move from %s as in the table', (from, expected) => {
      expect(row(from as EmployerStage, null, role)).toBe(expected);
    });

    it.each(Object.entries(FROM_SIDE).flatMap(([from, cases]) => cases.map((c) => [from, c.before, c.row] as const)))(
      'should judge every move from %s (before it: %s) as in the table',
      (from, before, expected) => {
        expect(row(from as EmployerStage, before, role)).toBe(expected);
      },
    );
  });

  it('should name the missing reason before the rule when a refused move also lacks its reason', () => {
    const without = (from: EmployerStage, before: PipelineStage | null, to: EmployerStage) =>
      decideHandMove(from, before, { stage: to, hasReason: false, override: false }, 'wsp_staff');
    expect(without('sw_pilot', null, 'contacted')).toEqual({
      kind: 'needs_reason',
      problem: 'is required to move back',
    });
    expect(without('structural', null, 'sw_pilot')).toEqual({
      kind: 'needs_reason',
      problem: 'is required to move back',
    });
    expect(without('paused', 'interested', 'structural')).toEqual({
      kind: 'needs_reason',
      problem: 'is required to leave a side state',
    });
    expect(without('interested', null, 'structural')).toMatchObject({ kind: 'refused' });
  });

  describe.each(['admin', 'coordinator'] as const)('with override as %s', (role) => {
    it('should allow every other stage with a reason and ask for the reason without one', () => {
      for (const from of EMPLOYER_STAGES) {
        for (const to of EMPLOYER_STAGES) {
          const withReason = decideHandMove(from, null, { stage: to, hasReason: true, override: true }, role);
          const without = decideHandMove(from, null, { stage: to, hasReason: false, override: true }, role);
          if (from === to) {
            expect([withReason.kind, without.kind]).toEqual(['unchanged', 'unchanged']);
          } else {
            expect(withReason).toMatchObject({ kind: 'move', to, cause: 'override' });
            expect(without).toEqual({ kind: 'needs_reason', problem: 'is required with override' });
          }
        }
      }
    });
  });

  describe.each(['account_manager', 'wsp_staff'] as const)('with override as %s', (role) => {
    it('should forbid every override, even of a move allowed without it', () => {
      for (const from of EMPLOYER_STAGES) {
        for (const to of EMPLOYER_STAGES) {
          expect(decideHandMove(from, null, { stage: to, hasReason: true, override: true }, role)).toEqual({
            kind: 'forbidden',
          });
        }
      }
    });
  });

  it('should remember the stage before a side state, keep it between side states and forget it on leaving', () => {
    const move = (from: EmployerStage, before: PipelineStage | null, to: EmployerStage, override = false) =>
      decideHandMove(from, before, { stage: to, hasReason: true, override }, 'coordinator');
    expect(move('interested', null, 'paused')).toMatchObject({ stageBeforeSide: 'interested' });
    expect(move('structural', null, 'not_interested')).toMatchObject({ stageBeforeSide: 'structural' });
    expect(move('paused', 'structural', 'not_interested')).toMatchObject({ stageBeforeSide: 'structural' });
    expect(move('paused', 'structural', 'structural')).toMatchObject({ to: 'structural', stageBeforeSide: null });
    expect(move('paused', 'structural', 'contacted')).toMatchObject({ stageBeforeSide: null });
    expect(move('sw_pilot', null, 'paused', true)).toMatchObject({ cause: 'override', stageBeforeSide: 'sw_pilot' });
    expect(move('paused', 'sw_pilot', 'ambassador', true)).toMatchObject({ stageBeforeSide: null });
  });
});

describe('decideAdvance', () => {
  const causes = ['manual', 'campaign', 'trajectory', 'story'] as const;

  it.each(causes)('should move only forward along the pipeline when the cause is %s', (cause) => {
    for (const from of PIPELINE_STAGES) {
      for (const to of PIPELINE_STAGES) {
        expect(decideAdvance(from, null, to, cause)).toBe(PIPELINE_STAGES.indexOf(to) > PIPELINE_STAGES.indexOf(from));
      }
    }
  });

  it.each(['trajectory', 'story'] as const)(
    'should lift a side state only past the stage kept before it when the cause is %s',
    (cause) => {
      expect(decideAdvance('paused', 'contacted', 'sw_pilot', cause)).toBe(true);
      expect(decideAdvance('not_interested', null, 'contacted', cause)).toBe(true);
      expect(decideAdvance('not_interested', 'structural', 'own_trajectory', cause)).toBe(false);
      expect(decideAdvance('paused', 'structural', 'structural', cause)).toBe(false);
      expect(decideAdvance('paused', 'structural', 'ambassador', cause)).toBe(true);
    },
  );

  it.each(['manual', 'campaign'] as const)('should never lift a side state when the cause is %s', (cause) => {
    for (const side of ['paused', 'not_interested'] as const) {
      for (const to of PIPELINE_STAGES) {
        expect(decideAdvance(side, 'prospect', to, cause)).toBe(false);
      }
    }
  });
});
