import { may, Permission, Role } from '@app/auth';
import { EmployerStage } from '../employers/employer.types';
import { AdvanceCause, isEarlyStage, isSideStage, PipelineStage, pipelineIndex } from './stage.types';

/** The rules a refused hand move names (409 `code`). */
export const StageRule = {
  LaterStagesFollowFacts: 'stage.later_stages_follow_facts',
  LaterStageIsKept: 'stage.later_stage_is_kept',
} as const;

export type HandMoveDecision =
  | { kind: 'move'; to: EmployerStage; cause: 'manual' | 'override'; stageBeforeSide: PipelineStage | null }
  | { kind: 'unchanged' }
  | { kind: 'forbidden' }
  | { kind: 'needs_reason'; problem: string }
  | { kind: 'refused'; rule: string; message: string };

export interface HandMoveRequest {
  stage: EmployerStage;
  hasReason: boolean;
  override: boolean;
}

/**
 * api.md "Pipeline": anyone moves among the early stages (backwards with a reason) and into a side
 * state (`not_interested` with a reason); leaving a side state (with a reason) goes back to the stage
 * kept from before it or to an early stage; the later stages follow trajectories and stories; a
 * coordinator or admin may set any stage with `override` and a reason. A move to the current stage
 * changes nothing. A missing reason (400) is named before a refused move (409), api.md's order.
 */
export function decideHandMove(
  current: EmployerStage,
  stageBeforeSide: PipelineStage | null,
  request: HandMoveRequest,
  role: Role,
): HandMoveDecision {
  const { stage: to, hasReason } = request;
  if (request.override) {
    if (!may(role, Permission.StageOverride)) return { kind: 'forbidden' };
    if (to === current) return { kind: 'unchanged' };
    if (!hasReason) return { kind: 'needs_reason', problem: 'is required with override' };
    return { kind: 'move', to, cause: 'override', stageBeforeSide: sideMemory(current, stageBeforeSide, to) };
  }
  if (to === current) return { kind: 'unchanged' };
  const reasonProblem = reasonRequired(current, to);
  if (reasonProblem !== null && !hasReason) return { kind: 'needs_reason', problem: reasonProblem };
  const move = {
    kind: 'move',
    to,
    cause: 'manual',
    stageBeforeSide: sideMemory(current, stageBeforeSide, to),
  } as const;

  if (isSideStage(current)) {
    if (!isSideStage(to) && to !== stageBeforeSide && !isEarlyStage(to)) return laterStagesFollowFacts(to);
    return move;
  }
  if (isSideStage(to)) return move;
  if (!isEarlyStage(to)) return laterStagesFollowFacts(to);
  if (!isEarlyStage(current)) {
    return {
      kind: 'refused',
      rule: StageRule.LaterStageIsKept,
      message: `An employer in ${current} only goes back to an early stage by override (coordinator or admin)`,
    };
  }
  return move;
}

/** Why a hand move needs a reason (leaving a side state, not_interested, any move back); null if it needs none. */
function reasonRequired(current: EmployerStage, to: EmployerStage): string | null {
  if (isSideStage(current)) return 'is required to leave a side state';
  if (to === 'not_interested') return 'is required for not_interested';
  if (!isSideStage(to) && pipelineIndex(to) < pipelineIndex(current)) return 'is required to move back';
  return null;
}

/**
 * What an automatic move does (`advance`): only forward. Trajectories and stories are facts that also
 * lift a side state when they lead past the stage kept from before it; contact (a logged call, a
 * campaign e-mail) never lifts a side state — someone who said "not interested" stays so.
 */
export function decideAdvance(
  current: EmployerStage,
  stageBeforeSide: PipelineStage | null,
  to: PipelineStage,
  cause: AdvanceCause,
): boolean {
  if (isSideStage(current)) {
    if (cause === 'manual' || cause === 'campaign') return false;
    return pipelineIndex(to) > pipelineIndex(stageBeforeSide ?? 'prospect');
  }
  return pipelineIndex(to) > pipelineIndex(current);
}

/** The stage to return to from a side state: kept while in side states, forgotten when leaving them. */
function sideMemory(
  current: EmployerStage,
  stageBeforeSide: PipelineStage | null,
  to: EmployerStage,
): PipelineStage | null {
  if (!isSideStage(to)) return null;
  return isSideStage(current) ? stageBeforeSide : (current as PipelineStage);
}

function laterStagesFollowFacts(to: EmployerStage): HandMoveDecision {
  return {
    kind: 'refused',
    rule: StageRule.LaterStagesFollowFacts,
    message: `${to} follows from trajectories and success stories; only an override (coordinator or admin) sets it by hand`,
  };
}
