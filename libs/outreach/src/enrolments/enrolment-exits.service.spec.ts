import { Clock, Transactions } from '@app/core';
import type { EmployerAtStage, EnrolmentExitsRepository } from './enrolment-exits.repository';
import { EnrolmentExits } from './enrolment-exits.service';

describe('EnrolmentExits.exitAtStages', () => {
  const statements: string[][] = [];
  const repository = {
    exitAtStages: async (changes: readonly EmployerAtStage[]) => {
      statements.push(changes.map((change) => `${change.employerId}:${change.stage}`));
      return [`campaign-of-${changes[0].employerId}`];
    },
    completeDrained: async (campaignIds: string[]) => campaignIds.filter((id) => id.endsWith('e1')),
  } as unknown as EnrolmentExitsRepository;
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  const clock: Clock = { now: () => new Date('2026-11-30T10:00:00Z') };
  const exits = new EnrolmentExits(repository, transactions, clock);

  beforeEach(() => {
    statements.length = 0;
  });

  it('should start a new statement where an employer comes again, so its later change acts after the first', async () => {
    const result = await exits.exitAtStages([
      { employerId: 'e1', stage: 'interested' },
      { employerId: 'e2', stage: 'contacted' },
      { employerId: 'e1', stage: 'paused' },
      { employerId: 'e3', stage: 'paused' },
    ]);

    expect(statements).toEqual([
      ['e1:interested', 'e2:contacted'],
      ['e1:paused', 'e3:paused'],
    ]);
    expect(result).toEqual({ campaignIds: ['campaign-of-e1'], completedCampaignIds: ['campaign-of-e1'] });
  });

  it('should end at most 100 employers per statement', async () => {
    const changes = Array.from({ length: 250 }, (_, i) => ({ employerId: `x${i}`, stage: 'contacted' }));

    await exits.exitAtStages(changes);

    expect(statements.map((statement) => statement.length)).toEqual([100, 100, 50]);
    expect(statements.flat()).toEqual(changes.map((change) => `${change.employerId}:contacted`));
  });
});
