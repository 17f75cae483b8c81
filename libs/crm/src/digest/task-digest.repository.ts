import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor } from '@app/core';

/** One open task in a digest. */
export interface DigestTask {
  title: string;
  due_at: Date;
  employer_name: string;
}

export interface DigestRecipient {
  user_id: string;
  email: string;
  name: string;
}

/** Open tasks per assignee, and the once-per-day claim (`task_digests`, UNIQUE (user_id, day)). */
@Injectable()
export class TaskDigestRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  /** Active users with at least one open task due before `until` (today's and overdue ones), not yet sent `day`. */
  async recipients(until: Date, day: string): Promise<DigestRecipient[]> {
    return this.db.query(
      `SELECT u.id AS user_id, u.email, u.name FROM users u
       WHERE u.disabled_at IS NULL
         AND EXISTS (SELECT 1 FROM tasks t WHERE t.assignee_id = u.id AND t.done_at IS NULL AND t.due_at < $1)
         AND NOT EXISTS (SELECT 1 FROM task_digests d WHERE d.user_id = u.id AND d.day = $2::date)
       ORDER BY u.id`,
      [until, day],
    );
  }

  /** True for the one caller that claims (user, day); a concurrent claim waits for it and then gets false. */
  async claim(userId: string, day: string, taskCount: number, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO task_digests (user_id, day, task_count, sent_at) VALUES ($1, $2::date, $3, $4)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [userId, day, taskCount, at],
    );
    return rows.length > 0;
  }

  async openTasks(userId: string, until: Date): Promise<DigestTask[]> {
    return this.db.query(
      `SELECT t.title, t.due_at, o.name AS employer_name FROM tasks t JOIN organisations o ON o.id = t.employer_id
       WHERE t.assignee_id = $1 AND t.done_at IS NULL AND t.due_at < $2
       ORDER BY t.due_at, t.id LIMIT 200`,
      [userId, until],
    );
  }
}
