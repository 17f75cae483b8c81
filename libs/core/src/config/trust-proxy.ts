import { isIP } from 'node:net';
import { TrustProxy } from './app-config';

// The names proxy-addr (Express) accepts for its pre-defined subnets.
const NAMED_SUBNETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express' `trust proxy` takes it: unset or `false` off, `true` every hop, a whole
 * number of hops, or a comma list of addresses, subnets (`10.0.0.0/8`, `fd00::/8`,
 * `10.0.0.0/255.0.0.0`) and the names loopback, linklocal, uniquelocal.
 */
export function parseTrustProxy(raw: string | undefined, problem: (text: string) => void): TrustProxy {
  if (raw === undefined || raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops <= 100) return hops;
    problem(`must be a hop count from 0 to 100, got "${raw}"`);
    return false;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isTrustEntry(entry));
  if (bad.length > 0) {
    problem(
      `must be false, true, a hop count or a comma list of addresses or subnets; not understood: "${bad.join('", "')}"`,
    );
    return false;
  }
  return entries;
}

function isTrustEntry(entry: string): boolean {
  if (NAMED_SUBNETS.has(entry)) return true;
  const [address, range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d+$/.test(range)) return Number(range) >= 1 && Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4 && isNetmask(range);
}

/** A dotted netmask Express can turn into a prefix: ones, then only zeros (and not all zeros). */
function isNetmask(mask: string): boolean {
  const bits = mask
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('');
  return /^1+0*$/.test(bits);
}
