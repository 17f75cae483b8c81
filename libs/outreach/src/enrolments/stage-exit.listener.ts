import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '@app/core';
import { EMPLOYER_STAGE_CHANGED } from '@app/crm';
import type { EmployerStageChanged } from '@app/crm';
import { EnrolmentExits } from './enrolment-exits.service';

/**
 * An employer's stage change ends its enrolments (api.md "Outreach"): a side state exits every
 * campaign (`not_interested`, `paused`); a pipeline stage exits the campaigns whose `exitStage` it
 * reached or passed (`stage_reached`). Runs after the stage change committed. The events of one
 * StageService change (a batch of campaign sends moves each of its prospects to `contacted`) come
 * together and are ended together: one exit statement instead of a transaction per employer.
 */
@Injectable()
export class StageExitListener implements OnModuleInit {
  private readonly logger = new Logger(StageExitListener.name);

  constructor(
    private readonly events: DomainEvents,
    private readonly exits: EnrolmentExits,
  ) {}

  onModuleInit(): void {
    this.events.subscribeBatch<EmployerStageChanged>(EMPLOYER_STAGE_CHANGED, (events) => this.handle(events));
  }

  async handle(events: readonly EmployerStageChanged[]): Promise<void> {
    const changes = events.map((event) => ({ employerId: event.employerId, stage: event.to }));
    try {
      await this.exits.exitAtStages(changes);
    } catch (error) {
      // A deadlock or a lost connection in the shared statement: one employer at a time, so one that still fails
      // costs only its own exits, and is named (the send-time check catches it before a next e-mail goes out).
      this.logger.warn(
        `Ending enrolments for ${changes.length} stage changes failed, trying one by one: ${String(error)}`,
      );
      for (const change of changes) {
        await this.exits
          .exitAtStages([change])
          .catch((failure: unknown) =>
            this.logger.error(
              `Could not end the enrolments of employer ${change.employerId} at ${change.stage}: ${String(failure)}`,
            ),
          );
      }
    }
  }
}
