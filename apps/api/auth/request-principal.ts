import type { IncomingMessage } from 'node:http';
import type { AuthService, Principal, TokenService } from '@app/auth';
import { bearerToken } from '../http/bearer';

const lookups = new WeakMap<IncomingMessage, Promise<Principal | null>>();

/**
 * The active user behind a request's bearer token (null for none, a bad token, or a disabled or signed-out
 * user), read from the database once per request. The rate-limit guard starts the read while its Redis call is
 * in flight and the auth guard awaits the same promise, so a request waits for one round trip fewer in a row:
 * under load every wait in a row also waits behind the other requests' work (docs/benchmarks.md, e).
 */
export function requestPrincipal(
  request: IncomingMessage,
  tokens: TokenService,
  auth: AuthService,
): Promise<Principal | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    const token = tokens.verify(bearerToken(request) ?? '');
    lookup = token ? auth.principalFor(token) : Promise.resolve(null);
    lookups.set(request, lookup);
  }
  return lookup;
}
