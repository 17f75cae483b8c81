/** One entry of `GET /api/employers/:id/timeline`: its kind, when, its id and the kind's own fields. */
export interface TimelineItem {
  kind: string;
  at: string;
  id: string;
  [field: string]: unknown;
}

/** Adds a query parameter and returns its placeholder (`$n`). */
export type SqlParam = (value: unknown) => string;

/**
 * An extra kind of timeline entry, contributed by a module crm does not know (outreach adds `message`
 * and `reply`). `sql` returns one SELECT of exactly these columns, in this order:
 *   `kind text, at timestamptz, id uuid, data jsonb` (data: the entry's own fields, camelCase keys)
 * limited to the employer whose id is the placeholder `employerId` (e.g. `WHERE m.employer_id = ${employerId}`);
 * further values go through `param(value)`, never into the SQL text.
 */
export interface TimelineSource {
  kind: string;
  sql: (employerId: string, param: SqlParam) => string;
}
