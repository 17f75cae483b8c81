import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';

export interface UnsubscribeMessageRow {
  contact_id: string;
  region_id: string;
  /** The address the message went to (else the contact's current one). */
  email: string | null;
  wsp_name: string | null;
}

/** The message an unsubscribe link belongs to. */
@Injectable()
export class UnsubscribeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async message(ledgerId: string): Promise<UnsubscribeMessageRow | null> {
    const rows: UnsubscribeMessageRow[] = await managerFor(this.dataSource).query(
      `SELECT l.contact_id, c.region_id, coalesce(l.to_email, k.email) AS email, w.name AS wsp_name
       FROM send_ledger l
       JOIN campaigns c ON c.id = l.campaign_id
       JOIN contacts k ON k.id = l.contact_id
       LEFT JOIN organisations w ON w.region_id = c.region_id AND w.kind = 'wsp'
       WHERE l.id = $1`,
      [ledgerId],
    );
    return rows[0] ?? null;
  }
}
