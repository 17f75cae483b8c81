import { Inject, Injectable } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';
import { APP_CONFIG, checkedAddress, MailTransport } from '@app/core';
import type { AppConfig } from '@app/core';
import { InboundRow, LedgerContext } from './inbound.types';

const MAX_QUOTED_CHARS = 100_000;

/**
 * Forwards a reply to the campaign's sender (architecture.md "Mail": a person must see it): a short
 * Dutch note with the reply quoted as text; `Reply-To` is the person who answered, so the sender can
 * answer straight away. Marked `Auto-Submitted: auto-forwarded` so responders do not answer it.
 */
@Injectable()
export class InboundForwarder {
  constructor(
    private readonly mail: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The address it went to; null when the campaign has no sender address. */
  async forward(message: InboundRow, match: LedgerContext, parsed: ParsedMail): Promise<string | null> {
    if (!match.sender_email) return null;
    const from = parsed.from?.value[0];
    const who = from?.name ? `${from.name} <${from.address}>` : (from?.address ?? message.envelope_from ?? 'onbekend');
    const quoted = (parsed.text ?? '').slice(0, MAX_QUOTED_CHARS);
    const intro =
      `${who} van ${match.employer_name} antwoordde op campagne "${match.campaign_name}".\n` +
      `Er staat een taak voor u klaar in Vliegwiel. Het antwoord:\n\n`;
    const text = intro + quoted.replace(/^/gm, '> ');
    await this.mail.send({
      from: { name: 'Vliegwiel', address: match.wsp_email ?? `noreply@${this.config.inboundDomain}` },
      to: [{ name: match.sender_name, address: match.sender_email }],
      ...(usable(from?.address) ? { replyTo: { name: from?.name || null, address: from!.address! } } : {}),
      subject: `Antwoord op campagne: ${message.subject ?? '(geen onderwerp)'}`,
      text,
      html: `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(text)}</pre>`,
      headers: { 'Auto-Submitted': 'auto-forwarded' },
    });
    return match.sender_email;
  }
}

/** A malformed `From` must not stop the forward: it is then left out as `Reply-To`. */
function usable(address: string | undefined): boolean {
  if (!address) return false;
  try {
    checkedAddress(address, 'replyTo');
    return true;
  } catch {
    return false;
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
