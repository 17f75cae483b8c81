import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@app/core';
import { CampaignReferencesRepository } from './campaign-references.repository';
import { templateIdsOf } from './campaign-steps';
import { CampaignStep } from './campaign.types';
import { FieldProblems } from './field-problems';

const SENDING_ROLES = new Set(['admin', 'coordinator', 'account_manager']);

/**
 * Checks what a campaign body refers to, within the campaign's region: a reference that cannot be
 * found there is a 404 at once (api.md precedence puts 404 before 400); a malformed id or an unfit
 * sender is a problem for the 400 that follows.
 */
@Injectable()
export class CampaignReferences {
  constructor(private readonly references: CampaignReferencesRepository) {}

  async segment(raw: unknown, regionId: string, problems: FieldProblems): Promise<string> {
    if (raw === undefined || raw === null) problems.add('segmentId', 'is required');
    else if (!isUuid(raw)) problems.add('segmentId', 'must be a UUID');
    else if (!(await this.references.segmentInRegion(raw.toLowerCase(), regionId))) {
      throw DomainError.notFound('segment');
    }
    return String(raw).toLowerCase();
  }

  /** Every e-mail step's template must be national or the region's own. */
  async templates(steps: CampaignStep[], regionId: string): Promise<void> {
    const ids = templateIdsOf(steps);
    const readable = new Set(await this.references.readableTemplateIds(ids, regionId));
    if (ids.some((id) => !readable.has(id))) throw DomainError.notFound('template');
  }

  /** An active account manager, coordinator or admin who works in the region. */
  async sender(raw: unknown, regionId: string, problems: FieldProblems): Promise<string> {
    if (!isUuid(raw)) {
      problems.add('senderId', 'must be a UUID');
      return String(raw);
    }
    const sender = await this.references.senderInRegion(raw.toLowerCase(), regionId);
    if (!sender) throw DomainError.notFound('sender');
    if (sender.disabled) problems.add('senderId', 'is a disabled user');
    else if (!SENDING_ROLES.has(sender.role)) {
      problems.add('senderId', 'must be an account manager, coordinator or admin');
    }
    return sender.id;
  }
}
