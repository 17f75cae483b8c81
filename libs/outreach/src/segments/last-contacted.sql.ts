import { CONTACT_ACTIVITY_TYPES } from '@app/crm';

// The crm rule's fixed list (the activity types that move a prospect to contacted), never user input.
const CONTACT_TYPES = CONTACT_ACTIVITY_TYPES.map((type) => `'${type}'`).join(', ');

/**
 * THE place that defines "last contacted" for segments: the latest moment of any source below, per
 * employer `o`. A source is a subquery giving one timestamptz (or NULL) for `o.id`; GREATEST skips
 * NULLs, so an employer never contacted gets NULL.
 *
 * Today: logged calls, meetings and e-mails (a note is not contact). When campaign messages exist,
 * add their source here, e.g.
 *   `(SELECT max(m.sent_at) FROM <campaign message ledger> m WHERE m.employer_id = o.id AND m.status = 'sent')`
 */
export const LAST_CONTACTED_SOURCES: readonly string[] = [
  `(SELECT max(a.at) FROM activities a WHERE a.employer_id = o.id AND a.type IN (${CONTACT_TYPES}))`,
];

export const LAST_CONTACTED_AT_SQL = `GREATEST(${LAST_CONTACTED_SOURCES.join(', ')})`;
