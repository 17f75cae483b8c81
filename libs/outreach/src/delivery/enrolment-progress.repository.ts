import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { managerFor, queryPrepared } from '@app/core';
import { DueEnrolment } from './delivery.types';
import { updatedRows } from './updated-rows';

/** Moves enrolments through their steps; the database holds the schedule (`next_step_at`). */
@Injectable()
export class EnrolmentProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return managerFor(this.dataSource);
  }

  /**
   * Active enrolments of running campaigns due by `until`, locked with SKIP LOCKED so dispatchers on
   * several workers share the work; an e-mail step already in the ledger is not picked again.
   */
  async lockDue(until: Date, limit: number): Promise<DueEnrolment[]> {
    return this.db.query(
      `SELECT e.id, e.campaign_id, e.contact_id, e.employer_id, e.region_id, e.current_step, e.next_step_at,
              e.last_step_at, c.steps, c.send_window, c.max_per_hour, r.closing_days::text[] AS closing_days
       FROM enrolments e
       JOIN campaigns c ON c.id = e.campaign_id AND c.status = 'running'
       JOIN regions r ON r.id = c.region_id
       WHERE e.status = 'active' AND e.next_step_at <= $1
         AND NOT EXISTS (SELECT 1 FROM send_ledger l WHERE l.enrolment_id = e.id AND l.step_index = e.current_step)
       ORDER BY e.next_step_at
       LIMIT $2
       FOR UPDATE OF e SKIP LOCKED`,
      [until, limit],
    );
  }

  /**
   * Locks the enrolment unless another transaction holds it; false while a live worker is sending its
   * step (the send keeps the enrolment locked through the SMTP call and the record).
   */
  async lockUnlessSending(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT id FROM enrolments WHERE id = $1 FOR UPDATE SKIP LOCKED`, [id]);
    return rows.length > 0;
  }

  /**
   * Moves to step `index` (or completes when there is none), due at `dueAt`; `happenedAt` feeds later waits.
   * Only forwards: a late second record of the same step (a worker thought dead that finished after all)
   * must not send the enrolment back to a step whose ledger row already exists, where it would stick.
   */
  async moveTo(id: string, index: number, stepCount: number, happenedAt: Date, dueAt: Date, at: Date): Promise<void> {
    if (index >= stepCount) {
      await this.db.query(
        `UPDATE enrolments SET status = 'completed', current_step = $2, last_step_at = $3, next_step_at = NULL,
           updated_at = $4 WHERE id = $1 AND status = 'active' AND current_step <= $2`,
        [id, index, happenedAt, at],
      );
      return;
    }
    await this.db.query(
      `UPDATE enrolments SET current_step = $2, last_step_at = $3, next_step_at = $4, updated_at = $5
       WHERE id = $1 AND status = 'active' AND current_step < $2`,
      [id, index, happenedAt, dueAt, at],
    );
  }

  /**
   * `moveTo` for a batch of enrolments whose step happened at `at`, in one statement: each moves to
   * `index` (due at once: a wait is evaluated by the dispatcher) or completes when there is none; only
   * forwards.
   */
  async moveMany(moves: { id: string; index: number; stepCount: number }[], at: Date): Promise<void> {
    if (moves.length === 0) return;
    await queryPrepared(
      this.db,
      `UPDATE enrolments e SET
           status = CASE WHEN v.index >= v.step_count THEN 'completed' ELSE e.status END,
           current_step = v.index, last_step_at = $4,
           next_step_at = CASE WHEN v.index >= v.step_count THEN NULL ELSE $4::timestamptz END, updated_at = $4
         FROM unnest($1::uuid[], $2::int[], $3::int[]) AS v(id, index, step_count)
         WHERE e.id = v.id AND e.status = 'active'
           AND (e.current_step < v.index OR (v.index >= v.step_count AND e.current_step = v.index))`,
      [moves.map((move) => move.id), moves.map((move) => move.index), moves.map((move) => move.stepCount), at],
    );
  }

  /** Pushes the current step's due time (outside the send window, over the hourly cap, a task in flight). */
  async postpone(id: string, dueAt: Date, at: Date): Promise<void> {
    await this.db.query(`UPDATE enrolments SET next_step_at = $2, updated_at = $3 WHERE id = $1`, [id, dueAt, at]);
  }

  /** The enrolment with its row locked, for the task step. */
  async lockForStep(id: string): Promise<{
    status: string;
    current_step: number;
    campaign_id: string;
    campaign_status: string;
    sender_id: string;
    steps: { type: string; title?: string }[];
    employer_id: string;
    region_id: string;
    owner_id: string | null;
  } | null> {
    const rows = await this.db.query(
      `SELECT e.status, e.current_step, e.campaign_id, c.status AS campaign_status, c.sender_id, c.steps,
              e.employer_id, o.region_id, o.owner_id
       FROM enrolments e JOIN campaigns c ON c.id = e.campaign_id JOIN organisations o ON o.id = e.employer_id
       WHERE e.id = $1 FOR UPDATE OF e`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Running campaigns with nothing active left (e.g. when two last steps finished at once). */
  async completeFinishedCampaigns(at: Date): Promise<number> {
    const rows = updatedRows(
      await this.db.query(
        `UPDATE campaigns c SET status = 'completed', completed_at = $1, updated_at = $1
       WHERE c.status = 'running'
         AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.campaign_id = c.id AND e.status = 'active')
       RETURNING id`,
        [at],
      ),
    );
    return rows.length;
  }

  /** Queued ledger rows whose job may be lost (e.g. Redis emptied): older than `staleBefore`, due by `until`. */
  async staleQueued(staleBefore: Date, until: Date, at: Date, limit: number): Promise<{ id: string; due_at: Date }[]> {
    return updatedRows(
      await this.db.query(
        `UPDATE send_ledger l SET queued_at = $3
       WHERE l.id IN (
         SELECT l2.id FROM send_ledger l2 JOIN campaigns c ON c.id = l2.campaign_id AND c.status = 'running'
         WHERE l2.status = 'queued' AND l2.queued_at < $1 AND l2.due_at <= $2
         ORDER BY l2.due_at LIMIT $4 FOR UPDATE OF l2 SKIP LOCKED)
       RETURNING l.id, l.due_at`,
        [staleBefore, until, at, limit],
      ),
    );
  }

  /**
   * Blocked messages of running campaigns get another go once the campaign was resumed after the
   * block, or an hour later — only those refused at our SMTP call: one that went out and came back as a
   * blocked DSN stays as it is (sent once; its enrolment moved on). A row stuck in `sending` (worker died mid-send) becomes `unknown`.
   */
  async reviveBlockedAndStale(
    at: Date,
    sendingBefore: Date,
  ): Promise<{ enrolment_id: string; step_index: number; step_count: number }[]> {
    await this.db.query(
      `UPDATE send_ledger l SET status = 'queued', queued_at = $1::timestamptz - interval '1 hour', due_at = $1
       FROM campaigns c
       WHERE c.id = l.campaign_id AND c.status = 'running' AND l.status = 'blocked' AND l.sent_at IS NULL
         AND (l.finished_at < c.updated_at OR l.finished_at < $1::timestamptz - interval '1 hour')`,
      [at],
    );
    return updatedRows(
      await this.db.query(
        `UPDATE send_ledger l SET status = 'unknown', finished_at = $1, last_error = 'worker stopped during the SMTP call'
       FROM campaigns c
       WHERE c.id = l.campaign_id AND l.status = 'sending' AND l.sending_at < $2
       RETURNING l.enrolment_id, l.step_index, jsonb_array_length(c.steps) AS step_count`,
        [at, sendingBefore],
      ),
    );
  }
}
