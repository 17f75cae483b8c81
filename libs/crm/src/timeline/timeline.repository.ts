import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { sqlIso } from './timeline-sources';
import { TimelineItem, TimelineSource } from './timeline.types';

/** A key only the stage source sets: the recording order, to break ties of `at`. */
const STAGE_SEQ = '_stageSeq';

/** The built-in entries; a task stands at its due time, so open work sits where it falls due. */
const BUILT_IN: TimelineSource[] = [
  {
    kind: 'activity',
    sql: (employer) => `SELECT 'activity'::text, a.at, a.id, jsonb_build_object('type', a.type, 'summary', a.summary,
        'contactId', a.contact_id, 'by', a.by_user_id)
      FROM activities a WHERE a.employer_id = ${employer}`,
  },
  {
    kind: 'stage',
    // `seq` orders stage changes that share one `at` (history is monotonic, so ties happen); not returned.
    sql: (employer) => `SELECT 'stage'::text, s.at, s.id, jsonb_build_object('from', s.from_stage, 'to', s.to_stage,
        'cause', s.cause, 'reason', s.reason, 'by', s.by_user_id, '${STAGE_SEQ}', s.seq)
      FROM stage_changes s WHERE s.employer_id = ${employer}`,
  },
  {
    kind: 'task',
    sql: (employer) => `SELECT 'task'::text, t.due_at, t.id, jsonb_build_object('title', t.title,
        'dueAt', ${sqlIso('t.due_at')}, 'done', t.done_at IS NOT NULL, 'doneAt', ${sqlIso('t.done_at')},
        'assigneeId', t.assignee_id)
      FROM tasks t WHERE t.employer_id = ${employer}`,
  },
];

interface Row {
  kind: string;
  at: Date;
  id: string;
  data: Record<string, unknown>;
  total: number;
}

/** Merges the timeline sources of one employer in SQL. */
@Injectable()
export class TimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of every source merged in one query (UNION ALL, ordered, limited); `total` counts all entries. */
  async page(
    employerId: string,
    extra: TimelineSource[],
    direction: 'ASC' | 'DESC',
    limit: number,
    offset: number,
  ): Promise<{ items: TimelineItem[]; total: number }> {
    const db = managerFor(this.dataSource);
    const { union, params, param } = merged(employerId, [...BUILT_IN, ...extra]);
    const rows: Row[] = await db.query(
      `SELECT kind, at, id, data, count(*) OVER ()::int AS total FROM (${union}) AS entries(kind, at, id, data)
       ORDER BY at ${direction}, kind ${direction}, (data->>'${STAGE_SEQ}')::bigint ${direction}, id ${direction}
       LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && offset > 0) {
      // Past the last page no row carries the window's count.
      const counting = merged(employerId, [...BUILT_IN, ...extra]);
      const [row]: { total: number }[] = await db.query(
        `SELECT count(*)::int AS total FROM (${counting.union}) AS entries`,
        counting.params,
      );
      total = row.total;
    }
    const items = rows.map((row) => {
      const { [STAGE_SEQ]: _seq, ...data } = row.data;
      return { kind: row.kind, at: row.at.toISOString(), id: row.id, ...data };
    });
    return { items, total };
  }
}

function merged(employerId: string, sources: TimelineSource[]) {
  const params: unknown[] = [employerId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const union = sources.map((source) => `(${source.sql('$1', param)})`).join('\nUNION ALL\n');
  return { union, params, param };
}
