// Case-insensitive and with or without more path after it, as Express routes /api/health/*.
const HEALTH_PATH = /^\/api\/health(?:\/|$)/i;

/**
 * Whether a path (without its query string) is a load balancer probe: never limited, never logged per
 * request, never asks for a token.
 */
export function isHealthPath(path: string): boolean {
  return HEALTH_PATH.test(path);
}
