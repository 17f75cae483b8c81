import { Client } from 'pg';

/** Two connections of one database for a race between writers, and the second one's backend pid. */
export interface TwoWriters {
  first: Client;
  second: Client;
  secondPid: number;
}

export async function openTwoWriters(url: string): Promise<TwoWriters> {
  const [first, second] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all([first.connect(), second.connect()]);
  // Asked now: a client answers nothing else while its statement waits.
  const secondPid: number = (await second.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  return { first, second, secondPid };
}

/** Rolls back what either left open and closes both. */
export async function closeTwoWriters({ first, second }: TwoWriters): Promise<void> {
  for (const client of [first, second]) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

/**
 * Until the backend's statement waits for a lock (asked on `observer`, a third connection): without this, a slow
 * machine could commit the other side first.
 */
export async function waitingForLock(observer: Client, pid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await observer.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
    if (rows[0]?.wait_event_type === 'Lock') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`backend ${pid} never waited for a lock`);
}
