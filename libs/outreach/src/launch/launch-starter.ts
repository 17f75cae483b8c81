import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/core';
import { templateIdsOf } from '../campaigns/campaign-steps';
import type { CampaignRecord, CampaignStep } from '../campaigns/campaign.types';
import { LaunchRepository } from './launch.repository';

/**
 * What must hold for a campaign to launch (api.md: 409 otherwise), and the move to `launching`,
 * which pins each e-mail step to its template's current version (a running campaign keeps it).
 * Used by `POST /launch` and by the processor when a scheduled campaign's time has come.
 */
@Injectable()
export class LaunchStarter {
  constructor(private readonly launches: LaunchRepository) {}

  /** Returns the steps with their versions pinned, or throws the 409 that stops the launch. */
  async check(campaign: CampaignRecord): Promise<CampaignStep[]> {
    if (!(await this.launches.segmentSource(campaign.segmentId))) {
      throw DomainError.conflict('campaign.no_segment', 'the campaign has no segment; choose one first', 'segmentId');
    }
    if (!(await this.launches.hasWsp(campaign.regionId))) {
      throw DomainError.conflict(
        'campaign.no_wsp',
        'the region has no wsp organisation to send in the name of; add one first',
        'regionId',
      );
    }
    const versions = await this.launches.currentVersions(templateIdsOf(campaign.steps), campaign.regionId);
    return campaign.steps.map((step, index) => {
      if (step.type !== 'email') return step;
      const version = versions.get(step.templateId);
      if (version === undefined) {
        throw DomainError.conflict(
          'campaign.template_missing',
          `the template of step ${index + 1} no longer exists`,
          `steps[${index}].templateId`,
        );
      }
      return { ...step, templateVersion: version };
    });
  }

  /** Checks and moves the (locked) campaign to `launching`; false when it was not draft or scheduled. */
  async begin(campaign: CampaignRecord, at: Date): Promise<boolean> {
    const steps = await this.check(campaign);
    return this.launches.begin(campaign.id, steps, at);
  }
}
