/** What one SMTP attempt means for the message (architecture.md "Mail"). */
export type SmtpOutcome =
  /** 4xx, or a connection that never got as far as the message: try again later. */
  | { kind: 'retry'; detail: string }
  /** A permanent problem with the recipient's address: suppress it everywhere. */
  | { kind: 'bounced'; detail: string }
  /** The server refuses us (authentication, relay, policy, spam, SPF/DMARC): never suppress the recipient. */
  | { kind: 'blocked'; detail: string }
  /** Permanent for this message but not the address's fault (e.g. mailbox full, 5.2.2): noted, not retried. */
  | { kind: 'failed'; detail: string }
  /**
   * No answer after the connection stood (dropped, timed out): the server may have taken the message.
   * Never sent again blindly — a second copy is worse than a lost one (architecture.md "Mail").
   */
  | { kind: 'unknown'; detail: string };

interface SmtpErrorLike {
  responseCode?: number;
  response?: string;
  command?: string;
  code?: string;
  originalCode?: string;
  message?: string;
}

const ADDRESS_CODES = new Set([550, 551, 553]);

/** Socket errors that mean no connection was ever made: nothing can have been delivered. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

/** nodemailer's own codes for failures before a message is handed over (DNS, bad envelope, connect phase). */
const BEFORE_MESSAGE = new Set(['EDNS', 'EENVELOPE', 'EMESSAGE', 'EAUTH', 'ECONFIG']);

/** Classifies a nodemailer error (its `responseCode`, `command` and enhanced status code). */
export function classifySmtpError(error: unknown): SmtpOutcome {
  const e = (error ?? {}) as SmtpErrorLike;
  const detail = (e.response ?? e.message ?? String(error)).slice(0, 500);
  const code = e.responseCode;
  if (typeof code !== 'number') return withoutAnswer(e, detail);
  if (code < 500) return { kind: 'retry', detail };
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

/**
 * An error without an SMTP reply. nodemailer does not say how far the dialogue got, so only a failure
 * that provably came before the message (no connection, DNS, a refused envelope, the greeting) is
 * retried; a connection that broke or timed out later may have delivered it: `unknown`.
 */
function withoutAnswer(e: SmtpErrorLike, detail: string): SmtpOutcome {
  const socketCode = e.originalCode ?? e.code ?? '';
  if (NOT_CONNECTED.has(socketCode) || NOT_CONNECTED.has(e.code ?? '')) return { kind: 'retry', detail };
  if (BEFORE_MESSAGE.has(e.code ?? '')) return { kind: 'retry', detail };
  if (/greeting never received|cannot connect/i.test(e.message ?? '')) return { kind: 'retry', detail };
  return { kind: 'unknown', detail };
}
