import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed tokens for one send-ledger row (HMAC-SHA256 with APP_SECRET; the purpose is part of the
 * signed text, so an unsubscribe token is no reply token). Unsubscribe: base64url of the 16 id
 * bytes and the full MAC (65 characters, for `/u/<token>`). Reply: lower-case hex of the id and
 * 64 bits of MAC, because mail servers may change the case of a local part (`reply+<48 hex>@…`).
 */
export class DeliveryTokens {
  constructor(private readonly secret: string) {}

  unsubscribe(ledgerId: string): string {
    const id = idBytes(ledgerId);
    return `${id.toString('base64url')}${this.mac('unsubscribe', id).toString('base64url')}`;
  }

  /** The ledger id of a genuine unsubscribe token; null for anything forged, altered or malformed. */
  verifyUnsubscribe(token: string): string | null {
    if (!/^[A-Za-z0-9_-]{65}$/.test(token)) return null;
    const id = Buffer.from(token.slice(0, 22), 'base64url');
    const mac = Buffer.from(token.slice(22), 'base64url');
    if (id.length !== 16 || id.toString('base64url') !== token.slice(0, 22)) return null;
    const expected = this.mac('unsubscribe', id);
    return mac.length === expected.length && timingSafeEqual(mac, expected) ? uuidOf(id) : null;
  }

  reply(ledgerId: string): string {
    const id = idBytes(ledgerId);
    return `${id.toString('hex')}${this.mac('reply', id).subarray(0, 8).toString('hex')}`;
  }

  /** The ledger id of a genuine reply token (case-insensitive); null otherwise. */
  verifyReply(token: string): string | null {
    const lower = token.toLowerCase();
    if (!/^[0-9a-f]{48}$/.test(lower)) return null;
    const id = Buffer.from(lower.slice(0, 32), 'hex');
    const mac = Buffer.from(lower.slice(32), 'hex');
    return timingSafeEqual(mac, this.mac('reply', id).subarray(0, 8)) ? uuidOf(id) : null;
  }

  private mac(purpose: string, id: Buffer): Buffer {
    return createHmac('sha256', this.secret).update(`vliegwiel:${purpose}:`).update(id).digest();
  }
}

function idBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function uuidOf(id: Buffer): string {
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
