import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FailureCounts, isThrottled } from './login-throttle';

// Advisory lock namespaces (first key of pg_advisory_xact_lock(int, int)), so e-mail and address hashes never meet.
const EMAIL_LOCK = 7101;
const ADDRESS_LOCK = 7102;

/** Failed sign-ins, kept in PostgreSQL so every api replica sees the same counts. */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a sign-in attempt as a failure before its password is checked, unless the e-mail address
   * or the client address already has the limit of failures since `since`; returns the attempt's id,
   * or null when throttled (nothing recorded). Count and insert run under per-e-mail and per-address
   * locks (always taken in that order, so they cannot deadlock): parallel attempts see each other,
   * and no more than the limit can ever be tried. Commits on its own, whatever transaction is running.
   */
  reserve(email: string, address: string, at: Date, since: Date): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${EMAIL_LOCK}, hashtext($1))`, [email]);
      await manager.query(`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext($1))`, [address]);
      const [counts] = (await manager.query(
        `SELECT (SELECT count(*)::int FROM login_failures WHERE email = $1 AND at > $3) AS "byEmail",
                (SELECT count(*)::int FROM login_failures WHERE address = $2 AND at > $3) AS "byAddress"`,
        [email, address, since],
      )) as FailureCounts[];
      if (isThrottled(counts)) return null;
      const [row] = (await manager.query(
        `INSERT INTO login_failures (email, address, at) VALUES ($1, $2, $3) RETURNING id::text AS id`,
        [email, address, at],
      )) as { id: string }[];
      return row.id;
    });
  }

  /** The attempt succeeded, so it was no failure after all. */
  async release(attemptId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE id = $1`, [attemptId]);
  }
}
