import type { DataSource } from 'typeorm';

/** How many users the database holds, disabled ones included; read at start-up, before any module runs. */
export async function countUsers(dataSource: DataSource): Promise<number> {
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM users')) as { count: number }[];
  return count;
}
