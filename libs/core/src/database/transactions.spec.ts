import { DataSource, EntityManager } from 'typeorm';
import { managerFor, Transactions } from './transactions';

// A data source double: only `transaction` and `manager` are used by Transactions.
function fakeDataSource(fail = false) {
  const outer = { name: 'outer' } as unknown as EntityManager;
  const inner = { name: 'inner' } as unknown as EntityManager;
  const dataSource = {
    manager: outer,
    transaction: async <T>(work: (m: EntityManager) => Promise<T>) => {
      const value = await work(inner);
      if (fail) throw new Error('commit failed');
      return value;
    },
  } as unknown as DataSource;
  return { dataSource, outer, inner };
}

describe('Transactions', () => {
  it('should hand repositories the transaction manager inside run and the plain one outside', async () => {
    const { dataSource, outer, inner } = fakeDataSource();
    const transactions = new Transactions(dataSource);
    expect(managerFor(dataSource)).toBe(outer);
    await transactions.run(async () => {
      expect(managerFor(dataSource)).toBe(inner);
      await transactions.run(async () => expect(managerFor(dataSource)).toBe(inner));
    });
  });

  it('should run after-commit callbacks only when the transaction committed', async () => {
    const calls: string[] = [];
    const ok = fakeDataSource();
    await new Transactions(ok.dataSource).run(async () => {
      await new Transactions(ok.dataSource).afterCommit(() => void calls.push('committed'));
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual(['committed']);

    const failing = fakeDataSource(true);
    const transactions = new Transactions(failing.dataSource);
    await expect(
      transactions.run(() => transactions.afterCommit(() => void calls.push('rolled back'))),
    ).rejects.toThrow();
    expect(calls).toEqual(['committed']);
  });

  it('should run an after-commit callback at once when there is no transaction', async () => {
    const { dataSource } = fakeDataSource();
    const calls: string[] = [];
    await new Transactions(dataSource).afterCommit(() => void calls.push('now'));
    expect(calls).toEqual(['now']);
  });
});
