import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const current = new AsyncLocalStorage<EntityManager>();

/**
 * Runs work in one database transaction without services touching TypeORM: repositories ask
 * `managerFor(dataSource)` and get the transaction's manager while inside `run`.
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    if (current.getStore()) return work();
    return this.dataSource.transaction((manager) => current.run(manager, work));
  }
}

/** The manager a repository should use: the running transaction's, else the data source's own. */
export function managerFor(dataSource: DataSource): EntityManager {
  return current.getStore() ?? dataSource.manager;
}
