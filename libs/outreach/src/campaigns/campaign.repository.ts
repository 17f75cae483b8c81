import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { PipelineStage } from '@app/crm';
import { SendWindow } from '../calendar/send-window';
import { CampaignStatus } from './campaign-state';
import {
  CampaignFilter,
  CampaignRecord,
  CampaignSortField,
  CampaignStep,
  CampaignValues,
  ContactScope,
} from './campaign.types';

const SORT_COLUMNS: Record<CampaignSortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  name: 'lower(name)',
  launchAt: 'launch_at',
  status: 'status',
};

const COLUMNS: Record<keyof CampaignValues, string> = {
  name: 'name',
  segmentId: 'segment_id',
  senderId: 'sender_id',
  steps: 'steps',
  contactScope: 'contact_scope',
  exitStage: 'exit_stage',
  sendWindow: 'send_window',
  maxPerHour: 'max_per_hour',
  launchAt: 'launch_at',
};

const JSON_COLUMNS = new Set<keyof CampaignValues>(['steps', 'sendWindow']);

/** When a status change happened, kept in its own column. */
export type StatusStamp = 'launched_at' | 'completed_at' | 'cancelled_at';

interface CampaignRow {
  id: string;
  region_id: string;
  name: string;
  segment_id: string | null;
  sender_id: string;
  steps: CampaignStep[];
  contact_scope: ContactScope;
  exit_stage: PipelineStage;
  send_window: SendWindow | null;
  max_per_hour: number | null;
  launch_at: Date | null;
  status: CampaignStatus;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  launched_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
}

/** Campaign definitions; every read takes the caller's region ids (null: all regions). */
@Injectable()
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the campaign does not exist or lies outside the scope. `lock` holds the row until commit. */
  async findById(id: string, regionIds: string[] | null, lock = false): Promise<CampaignRecord | null> {
    const rows: CampaignRow[] = await managerFor(this.dataSource).query(
      `SELECT * FROM campaigns WHERE id = $1 AND ($2::uuid[] IS NULL OR region_id = ANY($2::uuid[]))
       ${lock ? 'FOR UPDATE' : ''}`,
      [id, regionIds],
    );
    return rows.length === 0 ? null : toRecord(rows[0]);
  }

  async insert(values: CampaignValues & { regionId: string; createdBy: string; at: Date }): Promise<CampaignRecord> {
    const [row]: CampaignRow[] = await managerFor(this.dataSource).query(
      `INSERT INTO campaigns (region_id, name, segment_id, sender_id, steps, contact_scope, exit_stage, send_window,
                              max_per_hour, launch_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9, $10, $11, $12, $12) RETURNING *`,
      [
        values.regionId,
        values.name,
        values.segmentId,
        values.senderId,
        JSON.stringify(values.steps),
        values.contactScope,
        values.exitStage,
        values.sendWindow === null ? null : JSON.stringify(values.sendWindow),
        values.maxPerHour,
        values.launchAt,
        values.createdBy,
        values.at,
      ],
    );
    return toRecord(row);
  }

  async update(id: string, changes: Partial<CampaignValues>, at: Date): Promise<CampaignRecord> {
    const params: unknown[] = [id, at];
    const sets = ['updated_at = $2'];
    for (const [key, value] of Object.entries(changes) as [keyof CampaignValues, unknown][]) {
      const json = JSON_COLUMNS.has(key);
      const param = json && value !== null ? JSON.stringify(value) : value;
      sets.push(`${COLUMNS[key]} = $${params.push(param)}${json ? '::jsonb' : ''}`);
    }
    await managerFor(this.dataSource).query(`UPDATE campaigns SET ${sets.join(', ')} WHERE id = $1`, params);
    return (await this.findById(id, null))!;
  }

  /** Sets the status, and stamps the moment in `stamp` when the change has its own column. */
  async setStatus(id: string, status: CampaignStatus, at: Date, stamp?: StatusStamp): Promise<CampaignRecord> {
    await managerFor(this.dataSource).query(
      `UPDATE campaigns SET status = $2, updated_at = $3${stamp ? `, ${stamp} = $3` : ''} WHERE id = $1`,
      [id, status, at],
    );
    return (await this.findById(id, null))!;
  }

  async delete(id: string): Promise<void> {
    await managerFor(this.dataSource).query(`DELETE FROM campaigns WHERE id = $1`, [id]);
  }

  async list(
    filter: CampaignFilter,
    request: PageRequest<CampaignSortField>,
  ): Promise<{ items: CampaignRecord[]; total: number }> {
    const params: unknown[] = [filter.regionIds];
    const conditions = ['($1::uuid[] IS NULL OR region_id = ANY($1::uuid[]))'];
    if (filter.status) conditions.push(`status = $${params.push(filter.status)}`);
    const where = `WHERE ${conditions.join(' AND ')}`;
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction} NULLS LAST`).join(', ');
    const manager = managerFor(this.dataSource);
    const rows: CampaignRow[] = await manager.query(
      `SELECT * FROM campaigns ${where} ORDER BY ${order}, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }]: { total: number }[] = await manager.query(
      `SELECT count(*)::int AS total FROM campaigns ${where}`,
      params,
    );
    return { items: rows.map(toRecord), total };
  }
}

function toRecord(row: CampaignRow): CampaignRecord {
  return {
    id: row.id,
    regionId: row.region_id,
    name: row.name,
    segmentId: row.segment_id,
    senderId: row.sender_id,
    steps: row.steps,
    contactScope: row.contact_scope,
    exitStage: row.exit_stage,
    sendWindow: row.send_window,
    maxPerHour: row.max_per_hour,
    launchAt: row.launch_at,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    launchedAt: row.launched_at,
    completedAt: row.completed_at,
    cancelledAt: row.cancelled_at,
  };
}
