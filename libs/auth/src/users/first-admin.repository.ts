import { DataSource } from 'typeorm';
import { hashPassword } from './password';

/**
 * Creates the ADMIN_EMAIL admin when the database has no user yet. Runs under the start-up lock,
 * so two replicas cannot both create one. Returns whether it created the admin.
 */
export async function ensureFirstAdmin(
  dataSource: DataSource,
  admin: { email: string; password: string },
): Promise<boolean> {
  const [{ count }] = (await dataSource.query('SELECT count(*)::int AS count FROM users')) as { count: number }[];
  if (count > 0) return false;
  await dataSource.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'admin', $3)`, [
    admin.email,
    'Administrator',
    await hashPassword(admin.password),
  ]);
  return true;
}
