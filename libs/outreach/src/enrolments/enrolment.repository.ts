import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { EnrolmentResponse, EnrolmentSortField, EnrolmentStatus, ExitReason } from './enrolment.types';

const SORT_COLUMNS: Record<EnrolmentSortField, string> = {
  createdAt: 'created_at',
  nextStepAt: 'next_step_at',
  status: 'status',
};

interface EnrolmentRow {
  id: string;
  contact_id: string;
  employer_id: string;
  status: EnrolmentStatus;
  exit_reason: ExitReason | null;
  current_step: number;
  next_step_at: Date | null;
  created_at: Date;
  exited_at: Date | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  erased: boolean;
}

/** Reading a campaign's enrolments; the caller checked the campaign lies in the caller's scope. */
@Injectable()
export class EnrolmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The campaign's region when it exists within `regionIds` (null: every region). */
  async campaignRegion(campaignId: string, regionIds: string[] | null): Promise<string | null> {
    const rows: { region_id: string }[] = await managerFor(this.dataSource).query(
      `SELECT region_id FROM campaigns WHERE id = $1 AND ($2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))`,
      [campaignId, regionIds],
    );
    return rows[0]?.region_id ?? null;
  }

  async list(
    campaignId: string,
    status: EnrolmentStatus | undefined,
    request: PageRequest<EnrolmentSortField>,
  ): Promise<{ items: EnrolmentResponse[]; total: number }> {
    const params: unknown[] = [campaignId];
    const where = `WHERE campaign_id = $1${status ? ` AND status = $${params.push(status)}` : ''}`;
    const order = request.sort.map((s) => `e.${SORT_COLUMNS[s.field]} ${s.direction} NULLS LAST`).join(', ');
    const manager = managerFor(this.dataSource);
    // The contact's name and address come along in the same query, so a screen showing a page of
    // enrolments does not ask for every contact separately.
    const rows: EnrolmentRow[] = await manager.query(
      `SELECT e.id, e.contact_id, e.employer_id, e.status, e.exit_reason, e.current_step, e.next_step_at,
              e.created_at, e.exited_at, c.first_name, c.last_name, c.email,
              (p.erased_at IS NOT NULL) AS erased
       FROM (SELECT * FROM enrolments ${where}) e
       LEFT JOIN contacts c ON c.id = e.contact_id
       LEFT JOIN contact_privacy p ON p.contact_id = e.contact_id
       ORDER BY ${order}, e.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM enrolments ${where}`,
      params,
    );
    return { items: rows.map(toResponse), total };
  }

  async exists(campaignId: string, contactId: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(
      `SELECT 1 FROM enrolments WHERE campaign_id = $1 AND contact_id = $2`,
      [campaignId, contactId],
    );
    return rows.length > 0;
  }
}

function toResponse(row: EnrolmentRow): EnrolmentResponse {
  return {
    id: row.id,
    contactId: row.contact_id,
    employerId: row.employer_id,
    status: row.status,
    exitReason: row.exit_reason,
    currentStep: row.current_step,
    nextStepAt: row.next_step_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    exitedAt: row.exited_at?.toISOString() ?? null,
    // An erased person keeps no name or address here (AVG art. 17), not even the placeholder.
    contactName: row.erased ? null : [row.first_name, row.last_name].filter(Boolean).join(' ') || null,
    email: row.erased ? null : row.email,
  };
}
