import type { Role } from '../../api/models';

export type SuppressionSource = 'unsubscribe' | 'bounce' | 'manual' | 'object' | 'erasure';

/** One item of `GET /api/suppressions`; `regionId` null holds in every region. */
export interface Suppression {
  id: string;
  email: string;
  regionId: string | null;
  reason: string;
  source: SuppressionSource;
  createdBy: string | null;
  createdAt: string;
}

export const SOURCE_LABELS: Record<SuppressionSource, string> = {
  unsubscribe: 'Afgemeld via e-mail',
  bounce: 'E-mail kwam niet aan',
  manual: 'Met de hand',
  object: 'Bezwaar (AVG)',
  erasure: 'Gewist (AVG)',
};

/** The reason the "Niet benaderen" switch writes; also how it recognises its own entries. */
export const DO_NOT_CONTACT_REASON = 'Niet benaderen (ingesteld bij contactpersoon)';

/**
 * Whether this role may lift this suppression: coordinators and admins, a global one admins only,
 * and never one that records a data-subject request (the api refuses those with 403/409 anyway).
 */
export function mayLift(role: Role, suppression: Suppression): boolean {
  if (suppression.source === 'object' || suppression.source === 'erasure') return false;
  if (suppression.regionId === null) return role === 'admin';
  return role === 'admin' || role === 'coordinator';
}
