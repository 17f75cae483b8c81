import { randomBytes } from 'node:crypto';

/** A BullMQ key prefix of its own for one test file, so runs never share queues. */
export function testQueuePrefix(): string {
  return `vwtest-${process.env.VW_TEST_RUN_ID ?? 'adhoc'}-${randomBytes(3).toString('hex')}`;
}
