/** What one SMTP attempt means for the message (architecture.md "Mail"). */
export type SmtpOutcome =
  /** 4xx, connection or timeout: try again later. */
  | { kind: 'retry'; detail: string }
  /** A permanent problem with the recipient's address: suppress it everywhere. */
  | { kind: 'bounced'; detail: string }
  /** The server refuses us (authentication, relay, policy, spam, SPF/DMARC): never suppress the recipient. */
  | { kind: 'blocked'; detail: string }
  /** Permanent for this message but not the address's fault (e.g. mailbox full, 5.2.2): noted, not retried. */
  | { kind: 'failed'; detail: string };

interface SmtpErrorLike {
  responseCode?: number;
  response?: string;
  command?: string;
  code?: string;
  message?: string;
}

const ADDRESS_CODES = new Set([550, 551, 553]);

/** Classifies a nodemailer error (its `responseCode`, `command` and enhanced status code). */
export function classifySmtpError(error: unknown): SmtpOutcome {
  const e = (error ?? {}) as SmtpErrorLike;
  const detail = (e.response ?? e.message ?? String(error)).slice(0, 500);
  const code = e.responseCode;
  if (typeof code !== 'number' || code < 500) return { kind: 'retry', detail };
  const status = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(detail);
  const enhanced = status ? `${status[1]}.${status[2]}.${status[3]}` : null;
  if (enhanced?.startsWith('5.7.') || /\b(spf|dmarc|dkim|relay|spam|blocked|blacklist|policy)\b/i.test(detail)) {
    return { kind: 'blocked', detail };
  }
  const atRecipient = /^RCPT/i.test(e.command ?? '');
  if (enhanced === '5.2.2' || code === 552) return { kind: 'failed', detail };
  if (enhanced && (enhanced.startsWith('5.1.') || enhanced === '5.2.1')) return { kind: 'bounced', detail };
  if (atRecipient && ADDRESS_CODES.has(code)) return { kind: 'bounced', detail };
  // Any other 5xx (authentication, MAIL FROM, DATA) is about us, not the recipient.
  return { kind: 'blocked', detail };
}
