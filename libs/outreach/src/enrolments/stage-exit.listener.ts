import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '@app/core';
import { EMPLOYER_STAGE_CHANGED } from '@app/crm';
import type { EmployerStageChanged } from '@app/crm';
import { EnrolmentExits } from './enrolment-exits.service';

/**
 * An employer's stage change ends its enrolments (api.md "Outreach"): a side state exits every
 * campaign (`not_interested`, `paused`); a pipeline stage exits the campaigns whose `exitStage` it
 * reached or passed (`stage_reached`). Runs after the stage change committed. The changes of one
 * transaction (a batch of campaign sends moves each of its prospects to `contacted`) are handled
 * together: one exit statement for all of them instead of a transaction per employer.
 */
@Injectable()
export class StageExitListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly exits: EnrolmentExits,
  ) {}

  onModuleInit(): void {
    this.events.subscribeBatch<EmployerStageChanged>(EMPLOYER_STAGE_CHANGED, (events) => this.handle(events));
  }

  async handle(events: readonly EmployerStageChanged[]): Promise<void> {
    for (const group of withEachEmployerOnce(events)) {
      await this.exits.exitAtStages(group.map((event) => ({ employerId: event.employerId, stage: event.to })));
    }
  }
}

/**
 * The events in order, cut wherever an employer comes again: within a group no two events touch the same
 * enrolment, so one statement per group ends the same enrolments, for the same reasons, as one event at a time.
 */
function withEachEmployerOnce(events: readonly EmployerStageChanged[]): EmployerStageChanged[][] {
  const groups: EmployerStageChanged[][] = [];
  let seen = new Set<string>();
  for (const event of events) {
    if (groups.length === 0 || seen.has(event.employerId)) {
      groups.push([]);
      seen = new Set();
    }
    seen.add(event.employerId);
    groups[groups.length - 1].push(event);
  }
  return groups;
}
