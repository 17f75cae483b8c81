import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/** The same text always gets the same name, so every caller of one statement shares its preparation. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `vw_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * `manager.query` for a statement PostgreSQL should parse once per connection: the connection keeps it under a
 * name taken from its text, and after five runs PostgreSQL may keep one generic plan for it too. For statements
 * run per batch on a hot path (the send path's), where parsing and planning cost PostgreSQL more than running
 * them (docs/benchmarks.md, "Changes made for these benchmarks", send path). The text must be a constant, not
 * built per call: each distinct text stays prepared on every connection that ran it.
 *
 * A prepared statement's result columns are fixed: it fails ("cached plan must not change result type") once a
 * migration adds a column to a `SELECT *` or changes the type of a column it returns, on every connection that
 * prepared it. So name every column read, and restart the processes after a migration that changes such a type
 * (a deploy does).
 *
 * Returns the rows (an `UPDATE … RETURNING` its returned rows, where `manager.query` answers
 * `[rows, count]`; a statement without RETURNING none), on the transaction's connection inside one.
 * The statement's errors come as TypeORM's `QueryFailedError`, as from `manager.query`.
 */
export async function queryPrepared<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  // As manager.query: work that outlived its transaction must not run on a connection given to someone else.
  if (manager.queryRunner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const runner = manager.queryRunner ?? manager.dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    try {
      const result = await client.query({ name: statementName(text), text, values });
      return result.rows as T[];
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}
