import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, likePattern, managerFor, PageRequest } from '@app/core';
import {
  TemplateListFilter,
  TemplateRecord,
  TemplateSortField,
  TemplateSource,
  TemplateVersionRecord,
} from './template.types';

const NAME_KEY = 'templates_region_name_key';

const SORT_COLUMNS: Record<TemplateSortField, string> = {
  name: 'lower(t.name)',
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
};

const SELECT = `
  SELECT t.id, t.region_id, t.name, t.current_version AS version, t.created_by, t.created_at, t.updated_at,
         v.subject, v.html, v.text, v.created_by AS version_created_by, v.created_at AS version_created_at
  FROM templates t JOIN template_versions v ON v.template_id = t.id AND v.version = t.current_version`;

// National templates (no region) are readable by everyone; regional ones only inside the scope.
const visible = (param: string) =>
  `(t.region_id IS NULL OR ${param}::uuid[] IS NULL OR t.region_id = ANY(${param}::uuid[]))`;

interface TemplateRow {
  id: string;
  region_id: string | null;
  name: string;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  subject: string;
  html: string;
  text: string | null;
  version_created_by: string | null;
  version_created_at: Date;
}

interface VersionRow {
  template_id: string;
  version: number;
  subject: string;
  html: string;
  text: string | null;
  created_by: string | null;
  created_at: Date;
}

/** Templates and their immutable versions. */
@Injectable()
export class TemplateRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return managerFor(this.dataSource).query(sql, params);
  }

  /** With its current version; null when it does not exist or is a regional template outside the scope. */
  async findById(id: string, regionIds: string[] | null, lock = false): Promise<TemplateRecord | null> {
    const rows = await this.query<TemplateRow>(
      `${SELECT} WHERE t.id = $1 AND ${visible('$2')}${lock ? ' FOR UPDATE OF t' : ''}`,
      [id, regionIds],
    );
    return rows.length === 0 ? null : toRecord(rows[0]);
  }

  async list(
    filter: TemplateListFilter,
    request: PageRequest<TemplateSortField>,
  ): Promise<{ items: TemplateRecord[]; total: number }> {
    const params: unknown[] = [filter.regionIds];
    const conditions = [visible('$1')];
    if (filter.national !== undefined) conditions.push(`t.region_id IS ${filter.national ? '' : 'NOT '}NULL`);
    if (filter.q) conditions.push(`t.name ILIKE $${params.push(likePattern(filter.q))}`);
    const where = `WHERE ${conditions.join(' AND ')}`;
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction}`).join(', ');
    const rows = await this.query<TemplateRow>(
      `${SELECT} ${where} ORDER BY ${order}, t.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM templates t ${where}`,
      params,
    );
    return { items: rows.map(toRecord), total };
  }

  async regionExists(regionId: string): Promise<boolean> {
    const rows = await this.query<{ id: string }>(`SELECT id FROM regions WHERE id = $1`, [regionId]);
    return rows.length > 0;
  }

  /** Template and version 1 together; call inside a transaction (the current-version key is checked at commit). */
  async insert(
    values: TemplateSource & { regionId: string | null; name: string; createdBy: string },
    at: Date,
  ): Promise<string> {
    const [{ id }] = await duplicateNameAsConflict(() =>
      this.query<{ id: string }>(
        `INSERT INTO templates (region_id, name, current_version, created_by, created_at, updated_at)
         VALUES ($1, $2, 1, $3, $4, $4) RETURNING id`,
        [values.regionId, values.name, values.createdBy, at],
      ),
    );
    await this.insertVersion(id, 1, values, values.createdBy, at);
    return id;
  }

  /** A new current version; the older ones stay exactly as they were. */
  async addVersion(id: string, version: number, source: TemplateSource, by: string, at: Date): Promise<void> {
    await this.insertVersion(id, version, source, by, at);
    await this.query(`UPDATE templates SET current_version = $2, updated_at = $3 WHERE id = $1`, [id, version, at]);
  }

  async rename(id: string, name: string, at: Date): Promise<void> {
    await duplicateNameAsConflict(() =>
      this.query(`UPDATE templates SET name = $2, updated_at = $3 WHERE id = $1`, [id, name, at]),
    );
  }

  /**
   * 409 when a campaign refers to the template: campaigns name templates inside their `steps` JSON
   * (no foreign key), and a running campaign must keep the version it launched with.
   */
  async delete(id: string): Promise<void> {
    const [used] = (await this.query(
      `SELECT 1 FROM campaigns WHERE steps @> jsonb_build_array(jsonb_build_object('templateId', $1::text)) LIMIT 1`,
      [id],
    )) as unknown[];
    if (used)
      throw DomainError.conflict('template.in_use', 'This template is used by a campaign and cannot be deleted');
    try {
      await this.query(`DELETE FROM templates WHERE id = $1`, [id]);
    } catch (error) {
      if (pgCode(error) === '23503') {
        throw DomainError.conflict('template.in_use', 'This template is used by a campaign and cannot be deleted');
      }
      throw error;
    }
  }

  async versions(
    id: string,
    request: PageRequest<'version'>,
  ): Promise<{ items: TemplateVersionRecord[]; total: number }> {
    const direction = request.sort[0]?.direction ?? 'DESC';
    const rows = await this.query<VersionRow>(
      `SELECT template_id, version, subject, html, text, created_by, created_at FROM template_versions
       WHERE template_id = $1 ORDER BY version ${direction} LIMIT $2 OFFSET $3`,
      [id, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM template_versions WHERE template_id = $1`,
      [id],
    );
    return { items: rows.map(toVersion), total };
  }

  /** One version, whoever asks (the renderer checks access before it gets here). */
  async findVersion(templateId: string, version: number): Promise<TemplateVersionRecord | null> {
    const rows = await this.query<VersionRow>(
      `SELECT template_id, version, subject, html, text, created_by, created_at FROM template_versions
       WHERE template_id = $1 AND version = $2`,
      [templateId, version],
    );
    return rows.length === 0 ? null : toVersion(rows[0]);
  }

  private async insertVersion(id: string, version: number, source: TemplateSource, by: string, at: Date) {
    await this.query(
      `INSERT INTO template_versions (template_id, version, subject, html, text, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, version, source.subject, source.html, source.text, by, at],
    );
  }
}

function toRecord(row: TemplateRow): TemplateRecord {
  return {
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    version: row.version,
    subject: row.subject,
    html: row.html,
    text: row.text,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versionCreatedBy: row.version_created_by,
    versionCreatedAt: row.version_created_at,
  };
}

function toVersion(row: VersionRow): TemplateVersionRecord {
  return {
    templateId: row.template_id,
    version: row.version,
    subject: row.subject,
    html: row.html,
    text: row.text,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function pgCode(error: unknown): string | undefined {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  return candidate?.driverError?.code ?? candidate?.code;
}

async function duplicateNameAsConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
    if (driver?.code === '23505' && driver.constraint === NAME_KEY) {
      throw DomainError.conflict('template.duplicate_name', 'A template with this name already exists here', 'name');
    }
    throw error;
  }
}
