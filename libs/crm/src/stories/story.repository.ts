import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { SbiVersion } from '../validation/sbi';
import { usableSql } from './story-usable';
import { StoryFilter, StoryRecord, StorySortField, StoryValues, UsableStoryQuery } from './story.types';

const SORT_COLUMNS: Record<StorySortField, string> = {
  createdAt: 's.created_at',
  updatedAt: 's.updated_at',
  consentAt: 's.consent_at',
  expiresAt: 's.expires_at',
  title: 's.title',
};

// Dates as text: node-postgres would turn a `date` into a local-midnight Date.
const SELECT = `
  SELECT s.id, s.employer_id, o.name AS employer_name, s.region_id, o.sbi_version, o.sbi_section,
         s.title, s.summary, s.quote, to_char(s.consent_at, 'YYYY-MM-DD') AS consent_at,
         to_char(s.expires_at, 'YYYY-MM-DD') AS expires_at, s.published, s.created_by, s.created_at, s.updated_at
  FROM stories s JOIN organisations o ON o.id = s.employer_id`;

interface StoryRow {
  id: string;
  employer_id: string;
  employer_name: string;
  region_id: string;
  sbi_version: number | null;
  sbi_section: string | null;
  title: string;
  summary: string;
  quote: string | null;
  consent_at: string | null;
  expires_at: string | null;
  published: boolean;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Stories joined with their employer (name, region, sector); every read is limited to a region scope. */
@Injectable()
export class StoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  private async select(sql: string, params: unknown[]): Promise<StoryRecord[]> {
    const rows: StoryRow[] = await managerFor(this.dataSource).query(sql, params);
    return rows.map(toRecord);
  }

  /** Null when the story does not exist or lies outside the scope. `lock` holds the story row until commit. */
  async findById(id: string, regionIds: string[] | null, lock = false): Promise<StoryRecord | null> {
    const [story] = await this.select(
      `${SELECT} WHERE s.id = $1 AND ($2::uuid[] IS NULL OR s.region_id = ANY($2::uuid[]))${lock ? ' FOR UPDATE OF s' : ''}`,
      [id, regionIds],
    );
    return story ?? null;
  }

  async insert(
    values: StoryValues & { employerId: string; regionId: string; createdBy: string | null },
  ): Promise<StoryRecord> {
    const [{ id }]: { id: string }[] = await managerFor(this.dataSource).query(
      `INSERT INTO stories (employer_id, region_id, title, summary, quote, consent_at, expires_at, published, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        values.employerId,
        values.regionId,
        values.title,
        values.summary,
        values.quote,
        values.consentAt,
        values.expiresAt,
        values.published,
        values.createdBy,
      ],
    );
    return (await this.findById(id, null))!;
  }

  async update(id: string, values: StoryValues): Promise<StoryRecord> {
    await managerFor(this.dataSource).query(
      `UPDATE stories SET title = $2, summary = $3, quote = $4, consent_at = $5, expires_at = $6, published = $7,
              updated_at = now()
       WHERE id = $1`,
      [id, values.title, values.summary, values.quote, values.consentAt, values.expiresAt, values.published],
    );
    return (await this.findById(id, null))!;
  }

  /** Every story of the employer, whatever the scope (its removal audits them). */
  ofEmployer(employerId: string): Promise<StoryRecord[]> {
    return this.select(`${SELECT} WHERE s.employer_id = $1 ORDER BY s.created_at, s.id`, [employerId]);
  }

  async delete(id: string): Promise<void> {
    await managerFor(this.dataSource).query(`DELETE FROM stories WHERE id = $1`, [id]);
  }

  async list(
    filter: StoryFilter,
    request: PageRequest<StorySortField>,
  ): Promise<{ items: StoryRecord[]; total: number }> {
    const params: unknown[] = [filter.regionIds];
    const conditions = [`($1::uuid[] IS NULL OR s.region_id = ANY($1::uuid[]))`];
    if (filter.employerId) conditions.push(`s.employer_id = $${params.push(filter.employerId)}`);
    if (filter.sbi) {
      conditions.push(
        `o.sbi_version = $${params.push(filter.sbi.version)} AND o.sbi_section = $${params.push(filter.sbi.section)}`,
      );
    }
    if (filter.usable !== undefined) {
      conditions.push(`${filter.usable ? '' : 'NOT '}${usableSql(`$${params.push(filter.today)}`)}`);
    }
    const where = `WHERE ${conditions.join(' AND ')}`;
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction} NULLS LAST`).join(', ');
    const items = await this.select(
      `${SELECT} ${where} ORDER BY ${order}, s.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await managerFor(this.dataSource).query(
      `SELECT count(*)::int AS total FROM stories s JOIN organisations o ON o.id = s.employer_id ${where}`,
      params,
    );
    return { items, total };
  }

  /**
   * The best usable story for a sector: the region's own first, else any region's; within each, the most
   * recent consent, then the newest story (id breaks ties, so the choice is stable).
   */
  async findUsable(query: UsableStoryQuery, today: string): Promise<StoryRecord | null> {
    const [story] = await this.select(
      `${SELECT}
       WHERE o.kind = 'employer' AND o.sbi_version = $1 AND o.sbi_section = $2 AND ${usableSql('$4')}
       ORDER BY (s.region_id = $3) DESC, s.consent_at DESC, s.created_at DESC, s.id
       LIMIT 1`,
      [query.sbiVersion, query.sbiSection, query.regionId, today],
    );
    return story ?? null;
  }

  /** The employer's own most recent usable story, if any. */
  async findUsableOf(employerId: string, today: string): Promise<StoryRecord | null> {
    const [story] = await this.select(
      `${SELECT} WHERE s.employer_id = $1 AND ${usableSql('$2')} ORDER BY s.consent_at DESC, s.created_at DESC, s.id LIMIT 1`,
      [employerId, today],
    );
    return story ?? null;
  }
}

function toRecord(row: StoryRow): StoryRecord {
  return {
    id: row.id,
    employerId: row.employer_id,
    employerName: row.employer_name,
    regionId: row.region_id,
    sbiVersion: row.sbi_version as SbiVersion | null,
    sbiSection: row.sbi_section,
    title: row.title,
    summary: row.summary,
    quote: row.quote,
    consentAt: row.consent_at,
    expiresAt: row.expires_at,
    published: row.published,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
