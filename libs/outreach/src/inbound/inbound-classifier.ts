/** What an inbound message is (architecture.md "Mail"): a person's reply, an automatic answer or a bounce. */
export type InboundKind = 'reply' | 'auto_reply' | 'bounce';

/** The parts of mailparser's `ParsedMail` the classifier reads (headers keyed in lower case). */
export interface InboundMailFacts {
  headers: ReadonlyMap<string, unknown>;
  subject?: string;
  text?: string;
}

// Subjects that out-of-office tools put first (Outlook, Gmail, Exchange; Dutch and English).
const AUTO_SUBJECT =
  /^\s*(out of (the )?office|afwezigheidsmelding|automatisch antwoord|automatic reply|auto[- ]?reply|auto[- ]?response|autoreply|afwezig)\b/i;
const AUTO_PRECEDENCE = new Set(['auto_reply', 'bulk', 'junk']);
// A DSN in a plain body: an RFC 3464 field or an enhanced status code next to a failure phrase.
const DSN_BODY =
  /(^|\n)(final-recipient|diagnostic-code)\s*:|\b[45]\.\d{1,3}\.\d{1,3}\b[\s\S]{0,400}(fail|undeliver|rejected|not delivered|unknown)/i;

/**
 * Classifies one received message. Bounces first (they carry `Auto-Submitted` too): an RFC 3464
 * `multipart/report; report-type=delivery-status`, or a message with the null envelope sender and a
 * DSN-like body. Then the automatic-answer markers (RFC 3834 `Auto-Submitted`, the X-headers of
 * common responders, `Precedence`, known subjects). Everything else is a reply a person must see.
 */
export function classifyInbound(mail: InboundMailFacts, envelopeFrom: string | null): InboundKind {
  if (isDeliveryReport(mail)) return 'bounce';
  if (!envelopeFrom && DSN_BODY.test(mail.text ?? '')) return 'bounce';
  if (isAutomatic(mail)) return 'auto_reply';
  return 'reply';
}

function isDeliveryReport(mail: InboundMailFacts): boolean {
  const type = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  return (
    typeof type === 'object' &&
    type?.value?.toLowerCase() === 'multipart/report' &&
    (type.params?.['report-type'] ?? '').toLowerCase() === 'delivery-status'
  );
}

function isAutomatic(mail: InboundMailFacts): boolean {
  const submitted = headerText(mail, 'auto-submitted').toLowerCase();
  if (submitted !== '' && submitted !== 'no') return true;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress']) {
    const value = headerText(mail, name).toLowerCase();
    if (mail.headers.has(name) && value !== 'no' && value !== 'false') return true;
  }
  if (AUTO_PRECEDENCE.has(headerText(mail, 'precedence').toLowerCase())) return true;
  return AUTO_SUBJECT.test(mail.subject ?? '');
}

/** A header as text, whether mailparser kept it as a string or parsed it into `{ value }`. */
export function headerText(mail: InboundMailFacts, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ').trim();
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value).trim();
  return String(value).trim();
}
