import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';
import { ActivityResponse, NewActivity } from './activity.types';

/** Activities logged on employers (calls, meetings, notes, e-mails). */
@Injectable()
export class ActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(activity: NewActivity, now: Date): Promise<ActivityResponse> {
    const rows: (Omit<ActivityResponse, 'at' | 'createdAt'> & { at: Date; createdAt: Date })[] = await managerFor(
      this.dataSource,
    ).query(
      `INSERT INTO activities (employer_id, region_id, type, at, summary, contact_id, by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING id, employer_id AS "employerId", type, at, summary, contact_id AS "contactId", by_user_id AS "by",
         created_at AS "createdAt"`,
      [
        activity.employerId,
        activity.regionId,
        activity.type,
        activity.at,
        activity.summary,
        activity.contactId,
        activity.by,
        now,
      ],
    );
    const row = rows[0];
    return { ...row, at: row.at.toISOString(), createdAt: row.createdAt.toISOString() };
  }
}
