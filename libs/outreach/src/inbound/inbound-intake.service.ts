import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { simpleParser } from 'mailparser';
import type { AddressObject } from 'mailparser';
import { addUnlessPending, APP_CONFIG, Clock, QueueName } from '@app/core';
import type { AppConfig } from '@app/core';
import { DeliveryTokens } from '../delivery/delivery-tokens';
import { classifyInbound } from './inbound-classifier';
import { InboundMessageRepository } from './inbound-message.repository';
import { INBOUND_JOB, InboundJobData, inboundJobId } from './inbound.types';

/**
 * The receiver's side of the database: which recipients it accepts, and storing an accepted
 * message (then queueing its `inbound` job). Only `reply+<token>@INBOUND_DOMAIN` with a genuine
 * reply token (the HMAC of a send-ledger id, see `DeliveryTokens`) is a recipient.
 */
@Injectable()
export class InboundIntake {
  private readonly logger = new Logger('InboundIntake');
  private readonly tokens: DeliveryTokens;
  private readonly domain: string;

  constructor(
    private readonly messages: InboundMessageRepository,
    @InjectQueue(QueueName.Inbound) private readonly queue: Queue<InboundJobData>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new DeliveryTokens(config.appSecret);
    this.domain = config.inboundDomain.toLowerCase();
  }

  /** The ledger id a recipient address stands for; null refuses it. */
  ledgerIdFor(address: string): string | null {
    const match = /^reply\+([0-9a-f]{48})@(.+)$/i.exec(address.trim());
    if (!match || match[2].toLowerCase() !== this.domain) return null;
    return this.tokens.verifyReply(match[1]);
  }

  /** Stores the message and queues its job; returns the inbound id. Throws when it cannot be stored. */
  async accept(raw: Buffer, envelope: { from: string | null; to: string; ledgerId: string }): Promise<string> {
    const parsed = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
    const references = parsed.references ?? [];
    const id = await this.messages.insert({
      ledgerId: envelope.ledgerId,
      kind: classifyInbound(parsed, envelope.from),
      envelopeFrom: envelope.from,
      envelopeTo: envelope.to,
      fromAddress: firstAddress(parsed.from),
      subject: parsed.subject ?? null,
      messageId: parsed.messageId ?? null,
      inReplyTo: parsed.inReplyTo ?? null,
      references: Array.isArray(references) ? references : [references],
      raw,
      receivedAt: this.clock.now(),
    });
    await this.enqueue(id);
    return id;
  }

  /** Re-queues messages whose job was lost (e.g. an emptied Redis); a pending job is left alone, a finished one re-added. */
  async requeueUnprocessed(): Promise<number> {
    const ids = await this.messages.unprocessed(1000);
    for (const id of ids) await this.enqueue(id);
    if (ids.length > 0) this.logger.log(`Re-queued ${ids.length} unprocessed inbound message(s)`);
    return ids.length;
  }

  private async enqueue(id: string): Promise<void> {
    await addUnlessPending(this.queue, INBOUND_JOB, { inboundId: id }, { jobId: inboundJobId(id) });
  }
}

function firstAddress(from: AddressObject | undefined): string | null {
  return from?.value[0]?.address?.toLowerCase() ?? null;
}
