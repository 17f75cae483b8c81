import { Injectable } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { Clock, Transactions } from '@app/core';
import { TaskService } from '@app/crm';
import { AutoPauseService } from '../auto-pause/auto-pause.service';
import { BOUNCE_SAMPLE, bounceShareReason, MAX_BOUNCE_SHARE } from '../delivery/send-outcomes';
import { EnrolmentExits } from '../enrolments/enrolment-exits.service';
import { ContactPrivacyRepository } from '../privacy/contact-privacy.repository';
import { SuppressionService } from '../suppressions/suppression.service';
import { classifyDsnStatus, DsnRecipient, parseDsn } from './dsn';
import { InboundForwarder } from './inbound-forwarder';
import { InboundMessageRepository } from './inbound-message.repository';
import { InboundResult, InboundRow, LedgerContext } from './inbound.types';

const ENHANCED = /\b[45]\.\d{1,3}\.\d{1,3}\b/;

/**
 * Handles one stored inbound message (`inbound` job): finds the message it answers (reply token,
 * else `In-Reply-To` / `References`), then a reply exits the employer's enrolments in that campaign,
 * is logged, becomes a task for the owner and, once that committed, is forwarded to the sender; an auto-reply is only
 * logged; a bounce is classified (hard → suppress everywhere and exit, soft → note, blocked →
 * `blocked`, never a suppression). The message row is locked and `processed_at` set in the same
 * transaction, so a second run changes nothing.
 */
@Injectable()
export class InboundService {
  constructor(
    private readonly messages: InboundMessageRepository,
    private readonly exits: EnrolmentExits,
    private readonly suppressions: SuppressionService,
    private readonly privacy: ContactPrivacyRepository,
    private readonly tasks: TaskService,
    private readonly forwarder: InboundForwarder,
    private readonly autoPause: AutoPauseService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async process(inboundId: string): Promise<string> {
    const outcome = await this.transactions.run(async () => {
      const message = await this.messages.lock(inboundId);
      if (!message) return 'gone';
      if (message.processed_at) return 'already processed';
      const now = this.clock.now();
      const match = await this.match(message);
      const result: InboundResult = match
        ? { matched: true, ledgerId: match.ledger_id, ...(await this.handle(message, match, now)) }
        : { matched: false };
      await this.messages.markProcessed(message.id, match, result, now);
      return `${message.kind}: ${JSON.stringify(result)}`;
    });
    await this.forwardIfDue(inboundId);
    return outcome;
  }

  /**
   * A reply's forward, after its handling committed: a failing SMTP server must not undo the exit,
   * activity and task. A failed forward throws (the job retries, and only forwards); the row lock and
   * `forwarded_at` keep it to one forward.
   */
  private async forwardIfDue(inboundId: string): Promise<void> {
    await this.transactions.run(async () => {
      const message = await this.messages.lockUnforwarded(inboundId);
      if (!message) return;
      const match = await this.messages.ledgerContext(message.ledger_id!);
      const to = match ? await this.forwarder.forward(message, match, await simpleParser(message.raw)) : null;
      await this.messages.markForwarded(message.id, to, this.clock.now());
    });
  }

  private async match(message: InboundRow & { references: string[] }): Promise<LedgerContext | null> {
    const ledgerId =
      message.ledger_id ??
      (await this.messages.ledgerIdByMessageIds(
        [message.in_reply_to, ...message.references].filter((id): id is string => !!id),
      ));
    return ledgerId ? this.messages.ledgerContext(ledgerId) : null;
  }

  private async handle(message: InboundRow, match: LedgerContext, now: Date): Promise<Record<string, unknown>> {
    switch (message.kind) {
      case 'reply':
        return this.reply(message, match, now);
      case 'auto_reply':
        await this.messages.logActivity({
          employerId: match.employer_id,
          regionId: match.region_id,
          type: 'note',
          at: now,
          summary: `Automatisch antwoord op campagne "${match.campaign_name}": ${message.subject ?? '(geen onderwerp)'}`,
          contactId: match.contact_id,
        });
        return { logged: true };
      case 'bounce':
        return this.bounce(message, match, now);
    }
  }

  private async reply(message: InboundRow, match: LedgerContext, now: Date): Promise<Record<string, unknown>> {
    const exited = await this.exits.exitEmployer(match.employer_id, match.campaign_id, 'replied');
    const subject = message.subject ?? '(geen onderwerp)';
    await this.messages.logActivity({
      employerId: match.employer_id,
      regionId: match.region_id,
      type: 'email',
      at: now,
      summary: `Antwoord op campagne "${match.campaign_name}" van ${match.contact_name}: ${subject}`.slice(0, 2000),
      contactId: match.contact_id,
    });
    const task = await this.tasks.plan(
      match.sender_id,
      { id: match.employer_id, regionId: match.region_id, ownerId: match.owner_id },
      `Antwoord op campagne "${match.campaign_name}" van ${match.contact_name}`.slice(0, 200),
      now,
    );
    // The forward follows once this commits (`forwardIfDue`).
    return { exitedCampaigns: exited.campaignIds, taskId: task.id };
  }

  private async bounce(message: InboundRow, match: LedgerContext, now: Date): Promise<Record<string, unknown>> {
    const recipient = await this.bouncedRecipient(message, match);
    const bounce = classifyDsnStatus(recipient.status, recipient.diagnosticCode);
    // A bounce for a person erased meanwhile (AVG art. 17) keeps its status code only: the diagnostic and
    // the message may name the address, which must not come back (the suppression stores its keyed hash).
    const erased = await this.privacy.isErased(match.contact_id);
    if (erased) await this.privacy.blankInbound(message.id);
    const detail = (erased ? [recipient.status] : [recipient.status, recipient.diagnosticCode])
      .filter(Boolean)
      .join(' ')
      .slice(0, 450);
    const address = match.to_email ?? recipient.finalRecipient;
    if (bounce === 'hard' && address) {
      await this.messages.markLedger(match.ledger_id, 'bounced', `Hard bounce: ${detail}`, now);
      await this.suppressions.suppress({
        email: address.toLowerCase(),
        regionId: null,
        reason: `Hard bounce: ${detail}`.slice(0, 500),
        source: 'bounce',
        createdBy: null,
        at: now,
      });
      await this.exits.exitContact(match.contact_id, 'bounced');
      await this.pauseOnBounceRate(match, now);
    } else if (bounce === 'blocked') {
      // About us (policy, SPF/DMARC, spam): never a suppression of the recipient.
      await this.messages.markLedger(match.ledger_id, 'blocked', `Blocked: ${detail}`, now);
    } else {
      await this.messages.noteLedger(match.ledger_id, `Soft bounce: ${detail}`);
    }
    return { bounce, status: recipient.status, recipient: erased ? null : recipient.finalRecipient };
  }

  /** Auto-pause (issue 4): more than 5% of the campaign's first 200 messages bounced hard, as reported later too. */
  private async pauseOnBounceRate(match: LedgerContext, now: Date): Promise<void> {
    if ((await this.messages.bouncesInFirst(match.campaign_id, BOUNCE_SAMPLE)) <= BOUNCE_SAMPLE * MAX_BOUNCE_SHARE)
      return;
    await this.autoPause.pause(match.campaign_id, match.contact_id, now, bounceShareReason());
  }

  /** The report's recipient that we mailed (else its first); a body without a report gives its status code. */
  private async bouncedRecipient(message: InboundRow, match: LedgerContext): Promise<DsnRecipient> {
    const recipients = parseDsn(message.raw.toString('utf8'));
    const ours = recipients.find((r) => r.finalRecipient && r.finalRecipient === match.to_email?.toLowerCase());
    if (ours ?? recipients[0]) return (ours ?? recipients[0])!;
    const text = (await simpleParser(message.raw)).text ?? '';
    const line = text.split('\n').find((l) => ENHANCED.test(l)) ?? null;
    return { finalRecipient: null, action: null, status: line ? ENHANCED.exec(line)![0] : null, diagnosticCode: line };
  }
}
