import { EmployerStage } from '../employers/employer.types';

/** The pipeline in order (api.md "Pipeline"); later stages follow trajectories and stories. */
export const PIPELINE_STAGES = [
  'prospect',
  'contacted',
  'interested',
  'sw_pilot',
  'own_trajectory',
  'structural',
  'ambassador',
] as const satisfies readonly EmployerStage[];
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** The stages anyone may set by hand, either way. */
export const EARLY_STAGES = ['prospect', 'contacted', 'interested'] as const satisfies readonly PipelineStage[];

export const SIDE_STAGES = ['not_interested', 'paused'] as const satisfies readonly EmployerStage[];
export type SideStage = (typeof SIDE_STAGES)[number];

export const STAGE_CAUSES = ['manual', 'campaign', 'trajectory', 'story', 'override'] as const;
export type StageCause = (typeof STAGE_CAUSES)[number];

/** The causes of an automatic move (`StageService.advance`). */
export type AdvanceCause = Exclude<StageCause, 'override'>;

export interface AdvanceOptions {
  cause: AdvanceCause;
  /** When the fact happened; may lie in the past, a future time is clamped to now. */
  at: Date;
  /** The acting user; null for system work. */
  by: string | null;
  reason?: string;
}

/** `POST /api/employers/:id/stage`. */
export interface HandMoveInput {
  stage?: string;
  reason?: string | null;
  /** `YYYY-MM-DD`; only with `not_interested`: a task for the owner on that day. */
  recontactAt?: string | null;
  override?: boolean;
}

export interface StageChangeResponse {
  from: EmployerStage | null;
  to: EmployerStage;
  at: string;
  /** The acting user's id; null for system work. */
  by: string | null;
  cause: StageCause;
  reason: string | null;
  /** When it was written down (differs from `at` for facts dated in the past). */
  recordedAt: string;
}

export const STAGE_HISTORY_SORT_FIELDS = ['at', 'recordedAt'] as const;
export type StageHistorySortField = (typeof STAGE_HISTORY_SORT_FIELDS)[number];

export function isSideStage(stage: string): stage is SideStage {
  return (SIDE_STAGES as readonly string[]).includes(stage);
}

export function isEarlyStage(stage: string): boolean {
  return (EARLY_STAGES as readonly string[]).includes(stage);
}

/** Position in the pipeline; -1 for a side state. */
export function pipelineIndex(stage: string): number {
  return (PIPELINE_STAGES as readonly string[]).indexOf(stage);
}
