import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';

/** Reads (never writes) the users table to check a proposed owner of an employer. */
@Injectable()
export class OwnerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** True for an active user who works in the region (admins work in every region). */
  async isActiveInRegion(userId: string, regionId: string): Promise<boolean> {
    const rows: unknown[] = await managerFor(this.dataSource).query(
      `SELECT 1 FROM users WHERE id = $1 AND disabled_at IS NULL AND (role = 'admin' OR $2::uuid = ANY(region_ids))`,
      [userId, regionId],
    );
    return rows.length > 0;
  }
}
