import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FailureCounts } from './login-throttle';

/** Failed sign-ins, kept in PostgreSQL so every api replica sees the same counts. */
@Injectable()
export class LoginFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countSince(email: string, address: string, since: Date): Promise<FailureCounts> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM login_failures WHERE email = $1 AND at > $3) AS "byEmail",
              (SELECT count(*)::int FROM login_failures WHERE address = $2 AND at > $3) AS "byAddress"`,
      [email, address, since],
    )) as FailureCounts[];
    return row;
  }

  async record(email: string, address: string, at: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failures (email, address, at) VALUES ($1, $2, $3)`, [
      email,
      address,
      at,
    ]);
  }
}
