import { Injectable, Logger } from '@nestjs/common';
import { TaskService } from '@app/crm';
import { AutoPauseRepository } from './auto-pause.repository';

/**
 * Auto-pause (issue 4: "a campaign pauses itself, and tells its owner"): `running → paused` and a
 * task, due now, for the campaign's sender, on the employer whose message tipped it. Call it inside
 * the transaction of the message's outcome; only the call that actually pauses creates the task.
 */
@Injectable()
export class AutoPauseService {
  private readonly logger = new Logger('AutoPause');

  constructor(
    private readonly campaigns: AutoPauseRepository,
    private readonly tasks: TaskService,
  ) {}

  /** True when this call paused the campaign. */
  async pause(campaignId: string, contactId: string, now: Date, reason: string): Promise<boolean> {
    const campaign = await this.campaigns.pause(campaignId, now);
    if (!campaign) return false;
    const employer = await this.campaigns.employerOfContact(contactId);
    if (employer) {
      // No owner passed: `plan` then assigns the task to `by`, the sender.
      await this.tasks.plan(
        campaign.sender_id,
        { id: employer.id, regionId: employer.region_id, ownerId: null },
        `Campagne '${campaign.name}' is automatisch gepauzeerd: ${reason}`.slice(0, 200),
        now,
      );
    }
    this.logger.error(`Campaign ${campaignId} paused: ${reason}`);
    return true;
  }
}
