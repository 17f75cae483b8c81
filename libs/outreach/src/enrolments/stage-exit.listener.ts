import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '@app/core';
import { EMPLOYER_STAGE_CHANGED, PIPELINE_STAGES, pipelineIndex } from '@app/crm';
import type { EmployerStageChanged } from '@app/crm';
import { EnrolmentExits } from './enrolment-exits.service';

/**
 * An employer's stage change ends its enrolments (api.md "Outreach"): a side state exits every
 * campaign (`not_interested`, `paused`); a pipeline stage exits the campaigns whose `exitStage` it
 * reached or passed (`stage_reached`). Runs after the stage change committed.
 */
@Injectable()
export class StageExitListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly exits: EnrolmentExits,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<EmployerStageChanged>(EMPLOYER_STAGE_CHANGED, (event) => this.handle(event));
  }

  async handle(event: EmployerStageChanged): Promise<void> {
    if (event.to === 'not_interested' || event.to === 'paused') {
      await this.exits.exitEmployer(event.employerId, null, event.to);
      return;
    }
    const reached = PIPELINE_STAGES.slice(0, pipelineIndex(event.to) + 1);
    if (reached.length > 0) await this.exits.exitEmployerAtStages(event.employerId, reached, 'stage_reached');
  }
}
