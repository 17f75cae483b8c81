import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, OutboundMail } from '@app/core';
import type { AppConfig } from '@app/core';
import { RenderContextBuilder } from '../templates/render-context.builder';
import { TemplateRenderer } from '../templates/template-renderer';
import { TemplateVersionRef } from '../templates/template.types';
import { DeliveryTokens } from './delivery-tokens';
import { LedgerRow, SendState } from './delivery.types';
import { SendLedgerRepository } from './send-ledger.repository';

/** A ledger row that passed the send-time checks, with its state and the address it goes to. */
export interface Recipient {
  row: LedgerRow;
  state: SendState;
  address: string;
}

/**
 * Builds a batch of campaign messages: the step's template version (compiled once, cached), the
 * contacts' render contexts in one read, and per message the signed unsubscribe link, the reply
 * address that matches replies and bounces to the row, and our Message-ID.
 */
@Injectable()
export class CampaignMessageComposer {
  private readonly tokens: DeliveryTokens;

  constructor(
    private readonly ledger: SendLedgerRepository,
    private readonly contexts: RenderContextBuilder,
    private readonly renderer: TemplateRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokens = new DeliveryTokens(config.appSecret);
  }

  /** The messages to send; a message that cannot be rendered goes to `failures` (nothing went out). */
  async compose<T extends Recipient>(
    items: T[],
    failures: { item: T; error: unknown }[],
  ): Promise<{ item: T; mail: OutboundMail; replyToken: string | undefined }[]> {
    const templates: { item: T; ref: TemplateVersionRef; usesStory: boolean; unsubscribeUrl: string }[] = [];
    for (const item of items) {
      try {
        const step = item.state.steps[item.row.step_index];
        if (!step || step.type !== 'email') throw DomainError.invalid('step', 'the step is not an e-mail step');
        const version = step.templateVersion ?? (await this.ledger.latestTemplateVersion(step.templateId));
        if (version === null) throw DomainError.notFound('template_version');
        const ref = { templateId: step.templateId, version };
        const { usesStory } = await this.renderer.compiled(ref);
        templates.push({ item, ref, usesStory, unsubscribeUrl: this.unsubscribeUrl(item.row) });
      } catch (error) {
        failures.push({ item, error });
      }
    }
    const contexts = await this.contexts.forContacts(
      templates.map(({ item, usesStory, unsubscribeUrl }) => ({
        contactId: item.row.contact_id,
        senderId: item.state.sender_id,
        unsubscribeUrl,
        withStory: usesStory,
      })),
    );
    const mails: { item: T; mail: OutboundMail; replyToken: string | undefined }[] = [];
    for (const [k, { item, ref, unsubscribeUrl }] of templates.entries()) {
      try {
        const context = contexts[k];
        if (!context) throw DomainError.notFound('contact');
        const message = await this.renderer.render(ref, context.context);
        const senderName = item.state.sender_name ?? context.context.variables.wsp.name ?? null;
        const replyToken = this.tokens.reply(item.row.id);
        // A bare host name is no mail domain (the config refuses one): then no Reply-To or envelope sender.
        const reply = this.config.inboundDomain.includes('.')
          ? `reply+${replyToken}@${this.config.inboundDomain}`
          : null;
        mails.push({
          item,
          replyToken: reply ? replyToken : undefined,
          mail: {
            // The WSP's address carries the sender's name (one domain to authenticate); no WSP address: the sender's own.
            from: { name: senderName, address: item.state.wsp_email ?? item.state.sender_email ?? '' },
            to: [{ name: context.recipient?.name ?? null, address: item.address }],
            ...(reply ? { replyTo: { name: senderName, address: reply }, envelopeFrom: reply } : {}),
            subject: message.subject,
            html: message.html,
            text: message.text,
            messageId: `<${item.row.id}@${this.config.inboundDomain}>`,
            unsubscribeUrl,
          },
        });
      } catch (error) {
        failures.push({ item, error });
      }
    }
    return mails;
  }

  private unsubscribeUrl(row: LedgerRow): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/u/${this.tokens.unsubscribe(row.id)}`;
  }
}
