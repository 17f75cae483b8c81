/** One recipient of a delivery-status notification (RFC 3464 per-recipient fields). */
export interface DsnRecipient {
  finalRecipient: string | null;
  action: string | null;
  status: string | null;
  diagnosticCode: string | null;
}

/** What a bounce means for the address (architecture.md "Mail"). */
export type BounceClass =
  /** A permanent status about the address (5.1.x, 5.2.1): suppress it everywhere and exit. */
  | 'hard'
  /** Temporary (4.x.x), mailbox full (5.2.2) or not clearly about the address: noted only. */
  | 'soft'
  /** A refusal of *us* (5.7.x, SPF/DMARC, spam, policy): never a suppression. */
  | 'blocked';

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;
const ABOUT_US =
  /\b(spf|dmarc|dkim|spam|spamhaus|blacklist(ed)?|blocklist(ed)?|blocked|reputation|policy|not authorized|access denied|unauthenticated)\b/i;
const NO_SUCH_ADDRESS =
  /\b(user unknown|unknown user|no such (user|mailbox|recipient)|does not exist|recipient not found|unknown recipient|invalid recipient|address rejected)\b/i;

/**
 * The per-recipient fields of the `message/delivery-status` part of a raw DSN (RFC 3464), or [] when
 * the message has none. Header folding is undone; field names are case-insensitive.
 */
export function parseDsn(raw: string): DsnRecipient[] {
  const part = deliveryStatusPart(raw);
  if (part === null) return [];
  const groups = part
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/)
    .map(fieldsOf)
    .filter((fields) => fields.size > 0);
  // The first group holds the per-message fields (Reporting-MTA, …); recipients follow.
  return groups
    .filter((fields) => fields.has('final-recipient') || fields.has('action') || fields.has('status'))
    .map((fields) => ({
      finalRecipient: addressOf(fields.get('final-recipient') ?? fields.get('original-recipient')),
      action: fields.get('action')?.toLowerCase() ?? null,
      status: ENHANCED.exec(fields.get('status') ?? '')?.[0] ?? null,
      diagnosticCode: fields.get('diagnostic-code') ?? null,
    }));
}

/**
 * Classifies a DSN status. A generic status (`5.0.0`, as Exim writes) defers to the enhanced code
 * inside the diagnostic. Only a status that clearly names the address is `hard`.
 */
export function classifyDsnStatus(status: string | null, diagnostic: string | null): BounceClass {
  const text = diagnostic ?? '';
  const fromDiagnostic = ENHANCED.exec(text)?.[0] ?? null;
  const code = status && !/\.0\.0$/.test(status) ? status : (fromDiagnostic ?? status);
  if (code === null) return ABOUT_US.test(text) ? 'blocked' : 'soft';
  const [klass, subject, detail] = code.split('.');
  if (klass === '5' && subject === '7') return 'blocked';
  if (klass !== '5') return 'soft';
  if (subject === '1' || (subject === '2' && detail === '1')) return 'hard';
  if (subject === '2' && detail === '2') return 'soft';
  if (ABOUT_US.test(text)) return 'blocked';
  if (NO_SUCH_ADDRESS.test(text)) return 'hard';
  return 'soft';
}

function deliveryStatusPart(raw: string): string | null {
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex((line) => /^content-type:\s*message\/(global-)?delivery-status\b/i.test(line));
  if (start < 0) return null;
  let index = start;
  let encoding = '';
  // The part's own headers run to the first empty line.
  while (index < lines.length && lines[index].trim() !== '') {
    const match = /^content-transfer-encoding:\s*(\S+)/i.exec(lines[index]);
    if (match) encoding = match[1].toLowerCase();
    index += 1;
  }
  const body: string[] = [];
  for (index += 1; index < lines.length && !lines[index].startsWith('--'); index += 1) body.push(lines[index]);
  const text = body.join('\n');
  if (encoding === 'base64') return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    return text
      .replace(/=\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return text;
}

function fieldsOf(group: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of group.split('\n')) {
    const match = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.*)$/.exec(line);
    if (match && !fields.has(match[1].toLowerCase())) fields.set(match[1].toLowerCase(), match[2].trim());
  }
  return fields;
}

/** `rfc822; Piet@Example.NL` → `piet@example.nl`. */
function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const address = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return address.trim().replace(/^<|>$/g, '').toLowerCase() || null;
}
