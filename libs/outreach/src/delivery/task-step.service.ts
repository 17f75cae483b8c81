import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@app/core';
import { TaskService } from '@app/crm';
import { EnrolmentProgressRepository } from './enrolment-progress.repository';
import { EnrolmentStopRepository } from './enrolment-stop.repository';

/**
 * A `task` step (`sequence-step` job): a task for the employer's owner (else the campaign's sender),
 * then on to the next step. Re-reads the locked enrolment, so a second run of the job does nothing.
 */
@Injectable()
export class TaskStepService {
  constructor(
    private readonly progress: EnrolmentProgressRepository,
    private readonly stops: EnrolmentStopRepository,
    private readonly tasks: TaskService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async run(enrolmentId: string, stepIndex: number): Promise<string> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const row = await this.progress.lockForStep(enrolmentId);
      if (!row || row.status !== 'active' || row.current_step !== stepIndex) return 'skipped: not at this step';
      if (row.campaign_status !== 'running') return `skipped: campaign ${row.campaign_status}`;
      const step = row.steps[stepIndex];
      if (step?.type !== 'task' || !step.title) return 'skipped: not a task step';
      await this.tasks.plan(
        row.sender_id,
        { id: row.employer_id, regionId: row.region_id, ownerId: row.owner_id },
        step.title,
        now,
      );
      await this.progress.moveTo(enrolmentId, stepIndex + 1, row.steps.length, now, now, now);
      if (stepIndex + 1 >= row.steps.length) await this.stops.completeIfDone(row.campaign_id, now);
      return 'task created';
    });
  }
}
