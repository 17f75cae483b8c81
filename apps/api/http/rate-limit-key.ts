import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import type { TokenService } from '@app/auth';
import { bearerToken } from './bearer';

export type RateLimitedRequest = Request & { rateLimitKey?: string };

/**
 * Whose budget a request spends: `user:<id>` when it carries a valid access token (checked here by
 * signature only, as the guard order is not ours to rely on; the auth guard still checks the user),
 * else `ip:<client address>` (IPv6 by its /64, so one host cannot rotate addresses). Cached on the request.
 */
export function rateLimitKey(request: IncomingMessage, tokens: TokenService): string {
  const cached = (request as RateLimitedRequest).rateLimitKey;
  if (cached !== undefined) return cached;
  const userId = verifiedUser(bearerToken(request), tokens);
  const key = userId ? `user:${userId}` : `ip:${clientAddress((request as Request).ip ?? '')}`;
  (request as RateLimitedRequest).rateLimitKey = key;
  return key;
}

// Verifying a token's signature costs more CPU than the rest of a small request, and the auth guard
// verifies it again: good tokens are remembered (a bounded map, oldest out first) until they expire.
const KNOWN_TOKENS_MAX = 10_000;
const knownTokens = new Map<string, { userId: string; until: number }>();

function verifiedUser(token: string | undefined, tokens: TokenService): string | undefined {
  if (token === undefined) return undefined;
  const known = knownTokens.get(token);
  if (known && known.until > Date.now()) return known.userId;
  const verified = tokens.verify(token);
  if (!verified) return undefined;
  if (knownTokens.size >= KNOWN_TOKENS_MAX) knownTokens.delete(knownTokens.keys().next().value!);
  // For a minute: a token that expires or is revoked meanwhile still counts for its user, but the auth
  // guard refuses it anyway; only the budget it is counted against is remembered.
  knownTokens.set(token, { userId: verified.userId, until: Date.now() + 60_000 });
  return verified.userId;
}

/** IPv4 as is (also when IPv4-mapped), IPv6 reduced to its /64 network. */
export function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
