import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

interface TransactionContext {
  manager: EntityManager;
  afterCommit: (() => Promise<void> | void)[];
}

const current = new AsyncLocalStorage<TransactionContext>();

/**
 * Runs work in one database transaction without services touching TypeORM: repositories ask
 * `managerFor(dataSource)` and get the transaction's manager while inside `run`. Nested `run`
 * calls join the outer transaction.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (current.getStore()) return work();
    const afterCommit: TransactionContext['afterCommit'] = [];
    const result = await this.dataSource.transaction((manager) => current.run({ manager, afterCommit }, work));
    for (const callback of afterCommit) await callback();
    return result;
  }

  /**
   * Runs `callback` once the surrounding transaction has committed (at once when there is none), so
   * listeners never see a change that was rolled back — e.g. publishing a domain event.
   */
  async afterCommit(callback: () => Promise<void> | void): Promise<void> {
    const context = current.getStore();
    if (context) context.afterCommit.push(callback);
    else await callback();
  }
}

/** The manager a repository should use: the running transaction's, else the data source's own. */
export function managerFor(dataSource: DataSource): EntityManager {
  return current.getStore()?.manager ?? dataSource.manager;
}
