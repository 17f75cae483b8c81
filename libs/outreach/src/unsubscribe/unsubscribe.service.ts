import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, DomainError, Transactions } from '@app/core';
import type { AppConfig } from '@app/core';
import { DeliveryTokens } from '../delivery/delivery-tokens';
import { EnrolmentExits } from '../enrolments/enrolment-exits.service';
import { SuppressionService } from '../suppressions/suppression.service';
import { UnsubscribeRepository } from './unsubscribe.repository';

/** What the unsubscribe pages show: the address in question, partly hidden. */
export interface UnsubscribeView {
  maskedEmail: string;
  senderName: string;
}

/**
 * `/u/:token` (api.md "Outreach"): GET shows the confirm page and changes nothing (mail scanners follow
 * links); POST unsubscribes at once (RFC 8058 one-click): the address is suppressed in the campaign's
 * region and the contact's enrolments there exit `unsubscribed`. A forged or altered token is a 404.
 */
@Injectable()
export class UnsubscribeService {
  private readonly tokens: DeliveryTokens;

  constructor(
    private readonly repository: UnsubscribeRepository,
    private readonly suppressions: SuppressionService,
    private readonly exits: EnrolmentExits,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new DeliveryTokens(config.appSecret);
  }

  async view(token: string): Promise<UnsubscribeView> {
    const message = await this.message(token);
    return { maskedEmail: mask(message.email), senderName: message.wsp_name ?? 'de afzender' };
  }

  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const message = await this.message(token);
    await this.transactions.run(async () => {
      const now = this.clock.now();
      await this.suppressions.suppress({
        email: message.email,
        regionId: message.region_id,
        reason: 'Afgemeld via de link in een campagne-e-mail',
        source: 'unsubscribe',
        createdBy: null,
        at: now,
      });
      // Also when the contact's address changed since the message went out.
      await this.exits.exitContact(message.contact_id, 'unsubscribed', { regionId: message.region_id });
    });
    return { maskedEmail: mask(message.email), senderName: message.wsp_name ?? 'de afzender' };
  }

  private async message(token: string) {
    const ledgerId = this.tokens.verifyUnsubscribe(token);
    const message = ledgerId ? await this.repository.message(ledgerId) : null;
    if (!message || !message.email) throw DomainError.notFound('unsubscribe_link');
    return { ...message, email: message.email.toLowerCase() };
  }
}

function mask(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(local.length - 1, 6)))}@${domain}`;
}
