import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One round trip to PostgreSQL through the app's own pool (readiness). */
@Injectable()
export class DatabasePingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
