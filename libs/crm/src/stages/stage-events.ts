import { DomainEvent } from '@app/core';
import { EmployerStage } from '../employers/employer.types';
import { StageCause } from './stage.types';

export const EMPLOYER_STAGE_CHANGED = 'crm.employer.stage_changed';

/** Published after the commit of every stage change (hand move, override or automatic advance). */
export interface EmployerStageChanged extends DomainEvent {
  name: typeof EMPLOYER_STAGE_CHANGED;
  employerId: string;
  regionId: string;
  from: EmployerStage | null;
  to: EmployerStage;
  /** The date of the change (a trajectory's `startedAt`, else when it was made). */
  at: Date;
  cause: StageCause;
  by: string | null;
}
