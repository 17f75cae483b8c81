import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, PageRequest } from '@app/core';
import { RegionResponse, RegionSettings, RegionSortField } from './region.types';

const SORT_COLUMNS: Record<RegionSortField, string> = { code: 'code', name: 'name' };

interface SettingsRow {
  pressure_days: number;
  closing_days: string[];
}

@Injectable()
export class RegionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(request: PageRequest<RegionSortField>): Promise<{ items: RegionResponse[]; total: number }> {
    const order = request.sort.map((s) => `${SORT_COLUMNS[s.field]} ${s.direction}`).join(', ');
    const manager = managerFor(this.dataSource);
    const items: RegionResponse[] = await manager.query(
      `SELECT id, code, name FROM regions ORDER BY ${order}, id LIMIT $1 OFFSET $2`,
      [request.pageSize, (request.page - 1) * request.pageSize],
    );
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM regions`);
    return { items, total };
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(`SELECT 1 FROM regions WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** The settings of a region inside the scope; null when it does not exist or lies outside. */
  async findSettings(id: string, regionIds: string[] | null, forUpdate = false): Promise<RegionSettings | null> {
    const rows: SettingsRow[] = await managerFor(this.dataSource).query(
      `SELECT pressure_days, closing_days::text[] AS closing_days FROM regions
       WHERE id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))${forUpdate ? ' FOR UPDATE' : ''}`,
      [id, regionIds],
    );
    return rows.length === 0 ? null : { pressureDays: rows[0].pressure_days, closingDays: rows[0].closing_days };
  }

  async updateSettings(id: string, settings: RegionSettings): Promise<void> {
    await managerFor(this.dataSource).query(
      `UPDATE regions SET pressure_days = $2, closing_days = $3::date[] WHERE id = $1`,
      [id, settings.pressureDays, settings.closingDays],
    );
  }

  /** CBS code of each region id (for the export's `regionCode` column). */
  async codes(): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await managerFor(this.dataSource).query(
      `SELECT id, code FROM regions`,
    );
    return new Map(rows.map((r) => [r.id, r.code]));
  }
}
