import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, Clock, Transactions } from '@app/core';
import type { AppConfig } from '@app/core';
import { OutboxCopyRepository } from './outbox-copy.repository';
import { RetentionRepository, RetentionSummary } from './retention.repository';

const DAY_MS = 86_400_000;
/** Failed sign-ins feed a 15-minute throttle: a day is plenty, and the AVG asks for no more. */
const LOGIN_FAILURE_DAYS = 1;

/**
 * The nightly retention run (docs/privacy.md "Retention"): received mail loses its content after
 * RETENTION_INBOUND_DAYS, sent mail its recipient address and outbox copy after
 * RETENTION_SENT_BODY_DAYS, and contacts of employers without activity for
 * RETENTION_INACTIVE_CONTACT_DAYS are flagged for review (a person decides: keep, update or erase);
 * failed sign-ins go after a day.
 * Rows that figures count stay. Each run is logged and stored in `retention_runs`.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly repository: RetentionRepository,
    private readonly outbox: OutboxCopyRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<RetentionSummary> {
    const now = this.clock.now();
    const { inboundDays, sentBodyDays, inactiveContactDays } = this.config.retention;
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const summary = await this.transactions.run(async () => ({
      inboundBlanked: await this.repository.blankInbound(daysAgo(inboundDays)),
      sentAddressesRemoved: await this.repository.forgetSentAddresses(daysAgo(sentBodyDays)),
      outboxCopiesRemoved: 0,
      contactsFlaggedForReview: await this.repository.flagInactive(daysAgo(inactiveContactDays), now),
      contactsUnflagged: await this.repository.unflagActive(daysAgo(inactiveContactDays)),
      loginFailuresPurged: await this.repository.purgeLoginFailures(daysAgo(LOGIN_FAILURE_DAYS)),
    }));
    summary.outboxCopiesRemoved = await this.outbox.removeOlderThan(daysAgo(sentBodyDays));
    await this.repository.recordRun(now, { inboundDays, sentBodyDays, inactiveContactDays }, summary);
    this.logger.log(`Retention run: ${JSON.stringify(summary)}`);
    return summary;
  }
}
