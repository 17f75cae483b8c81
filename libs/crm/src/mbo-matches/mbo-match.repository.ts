import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { Recognition } from '../partners/partner.types';

export interface MboRow {
  id: string;
  name: string;
  regionId: string;
  recognitions: Recognition[];
}

/** MBO schools of a region by the sectors (`2025:Q`) of their diploma-erkenningen. */
@Injectable()
export class MboMatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recognisedFor(
    regionId: string,
    sectionKeys: string[],
    sortDirection: 'ASC' | 'DESC',
    page: { limit: number; offset: number },
  ): Promise<{ items: MboRow[]; total: number }> {
    const where = `o.kind = 'mbo' AND o.region_id = $1 AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(o.recognitions) r WHERE r->>'sbiSection' = ANY($2::text[]))`;
    const db = managerFor(this.dataSource);
    const [items, counted] = await Promise.all([
      db.query(
        `SELECT o.id, o.name, o.region_id AS "regionId", o.recognitions FROM organisations o WHERE ${where}
         ORDER BY o.name ${sortDirection}, o.id LIMIT $3 OFFSET $4`,
        [regionId, sectionKeys, page.limit, page.offset],
      ) as Promise<MboRow[]>,
      db.query(`SELECT count(*)::int AS total FROM organisations o WHERE ${where}`, [regionId, sectionKeys]) as Promise<
        { total: number }[]
      >,
    ]);
    return { items, total: counted[0].total };
  }
}
