import { DomainEvents } from '@app/core';
import { EMPLOYER_STAGE_CHANGED, EmployerStage, EmployerStageChanged } from '@app/crm';
import { EnrolmentExits } from './enrolment-exits.service';
import { StageExitListener } from './stage-exit.listener';

describe('StageExitListener', () => {
  const calls: unknown[] = [];
  const exits = {
    exitAtStages: async (changes: unknown) => void calls.push(changes),
  } as unknown as EnrolmentExits;
  const events = new DomainEvents();
  new StageExitListener(events, exits).onModuleInit();
  const changeOf = (employerId: string, to: EmployerStage): EmployerStageChanged => ({
    name: EMPLOYER_STAGE_CHANGED,
    employerId,
    regionId: 'r1',
    from: 'prospect',
    to,
    at: new Date(),
    cause: 'manual',
    by: null,
  });

  beforeEach(() => {
    calls.length = 0;
  });

  it.each(['sw_pilot', 'not_interested', 'paused'] as const)(
    'should pass one employer moved to %s on to the exits with its new stage',
    async (to) => {
      await events.publish(changeOf('e1', to));
      expect(calls).toEqual([[{ employerId: 'e1', stage: to }]]);
    },
  );

  it('should end the enrolments of employers moved in one transaction with one call', async () => {
    await events.publishAll([changeOf('e1', 'contacted'), changeOf('e2', 'contacted'), changeOf('e3', 'paused')]);
    expect(calls).toEqual([
      [
        { employerId: 'e1', stage: 'contacted' },
        { employerId: 'e2', stage: 'contacted' },
        { employerId: 'e3', stage: 'paused' },
      ],
    ]);
  });

  it('should handle a second move of the same employer after the first, in a call of its own', async () => {
    await events.publishAll([changeOf('e1', 'interested'), changeOf('e2', 'contacted'), changeOf('e1', 'paused')]);
    expect(calls).toEqual([
      [
        { employerId: 'e1', stage: 'interested' },
        { employerId: 'e2', stage: 'contacted' },
      ],
      [{ employerId: 'e1', stage: 'paused' }],
    ]);
  });
});
