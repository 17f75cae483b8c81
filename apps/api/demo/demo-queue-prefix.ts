import { createHash } from 'node:crypto';

/**
 * The demo's QUEUE_PREFIX: the one the user set, else one per data folder, so two demos on one
 * Redis (two checkouts, or two DATA_DIRs) never take each other's jobs, while a restart on the same
 * folder finds its own queued work again.
 */
export function demoQueuePrefix(userPrefix: string | undefined, absoluteDataDir: string): string {
  if (userPrefix?.trim()) return userPrefix.trim();
  return `vliegwiel-demo-${createHash('sha256').update(absoluteDataDir).digest('hex').slice(0, 8)}`;
}
