import { DataSource, EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { dataSourceOptions, managerFor, queryPrepared, Transactions } from '@app/core';
import { createTestDatabase, TestDatabase } from '@app/testing';

/** queryPrepared on a real PostgreSQL: what it returns, which connection it runs on, what it keeps prepared. */
describe('queryPrepared', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let transactions: Transactions;
  const manager = () => managerFor(dataSource);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    transactions = new Transactions(dataSource);
    await dataSource.query(`CREATE TABLE prepared_probe (id int PRIMARY KEY, note text NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });
  beforeEach(() => dataSource.query(`TRUNCATE prepared_probe`));

  it('should return the rows of a SELECT, the returned rows of an UPDATE when it has RETURNING, and none when not', async () => {
    await dataSource.query(`INSERT INTO prepared_probe VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
    const select = `SELECT id, note FROM prepared_probe WHERE id = ANY($1::int[]) ORDER BY id`;
    expect(await queryPrepared(manager(), select, [[1, 3]])).toEqual([
      { id: 1, note: 'a' },
      { id: 3, note: 'c' },
    ]);
    // The same statement again, other values: the prepared statement is reused, not stuck on the first values.
    expect(await queryPrepared(manager(), select, [[2]])).toEqual([{ id: 2, note: 'b' }]);
    const update = `UPDATE prepared_probe SET note = $2 WHERE id = ANY($1::int[]) RETURNING id`;
    const updated = await queryPrepared<{ id: number }>(manager(), update, [[1, 2, 9], 'x']);
    expect(updated.map((row) => row.id).sort()).toEqual([1, 2]);
    expect(await queryPrepared(manager(), `UPDATE prepared_probe SET note = $1 WHERE id = 3`, ['y'])).toEqual([]);
    expect(await dataSource.query(`SELECT note FROM prepared_probe ORDER BY id`)).toEqual([
      { note: 'x' },
      { note: 'x' },
      { note: 'y' },
    ]);
  });

  it("should run on the transaction's connection when inside one: it sees its writes, and a rollback undoes its own", async () => {
    await expect(
      transactions.run(async () => {
        await manager().query(`INSERT INTO prepared_probe VALUES (1, 'uncommitted')`);
        const seen = await queryPrepared(manager(), `SELECT note FROM prepared_probe WHERE id = $1`, [1]);
        expect(seen).toEqual([{ note: 'uncommitted' }]);
        await queryPrepared(manager(), `INSERT INTO prepared_probe VALUES ($1, $2)`, [2, 'also rolled back']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM prepared_probe`)).toEqual([{ n: 0 }]);
  });

  it('should leave the statement prepared under one name when one text runs twice on a connection', async () => {
    const text = `SELECT count(*)::int AS n FROM prepared_probe WHERE note = $1`;
    const prepared = await transactions.run(async () => {
      await queryPrepared(manager(), text, ['a']);
      await queryPrepared(manager(), text, ['b']);
      return manager().query(`SELECT name, statement FROM pg_prepared_statements WHERE statement = $1`, [text]);
    });
    expect(prepared).toHaveLength(1);
    expect(prepared[0].name).toMatch(/^vw_[0-9a-f]{24}$/);
  });

  it('should fail as manager.query does when PostgreSQL refuses, and release the pooled connection', async () => {
    await dataSource.query(`INSERT INTO prepared_probe VALUES (1, 'a')`);
    const insert = queryPrepared(manager(), `INSERT INTO prepared_probe VALUES ($1, $2)`, [1, 'again']);
    await expect(insert).rejects.toBeInstanceOf(QueryFailedError);
    await expect(insert).rejects.toMatchObject({ driverError: { code: '23505' } });
    // The pool's connection is released after a failure outside a transaction: the next call gets one.
    for (let i = 0; i < 25; i++)
      await expect(queryPrepared(manager(), `SELECT 1/$1::int AS x`, [0])).rejects.toMatchObject({
        driverError: { code: '22012' },
      });
    expect(await queryPrepared(manager(), `SELECT 1/$1::int AS x`, [1])).toEqual([{ x: 1 }]);
  });

  it('should refuse when its transaction has ended, as manager.query does', async () => {
    let ended: EntityManager | null = null;
    await transactions.run(async () => {
      ended = manager();
    });
    await expect(queryPrepared(ended!, `SELECT 1 AS x`, [])).rejects.toBeInstanceOf(QueryRunnerAlreadyReleasedError);
    await expect(ended!.query(`SELECT 1 AS x`)).rejects.toThrow();
  });
});
