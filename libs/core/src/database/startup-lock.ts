import { DataSource } from 'typeorm';

// One constant key: every replica of every app contends for the same lock.
const STARTUP_LOCK_KEY = 7_245_002_611;

/**
 * Runs start-up work (migrations, the first admin) while holding a PostgreSQL advisory lock,
 * so replicas that start together take turns instead of colliding.
 */
export async function withStartupLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
