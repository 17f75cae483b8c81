import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { DomainEvents } from '@app/core';
import { EMPLOYER_STAGE_CHANGED, EmployerStage, EmployerStageChanged } from '@app/crm';
import type { EmployerAtStage } from './enrolment-exits.repository';
import { EnrolmentExits } from './enrolment-exits.service';
import { StageExitListener } from './stage-exit.listener';

describe('StageExitListener', () => {
  const calls: EmployerAtStage[][] = [];
  let failWhen: (changes: EmployerAtStage[]) => boolean = () => false;
  const exits = {
    exitAtStages: async (changes: EmployerAtStage[]) => {
      calls.push(changes);
      if (failWhen(changes)) throw new Error('deadlock detected');
      return { campaignIds: [], completedCampaignIds: [] };
    },
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
    failWhen = () => false;
  });

  it.each(['sw_pilot', 'not_interested', 'paused'] as const)(
    'should pass one employer moved to %s on to the exits with its new stage',
    async (to) => {
      await events.publish(changeOf('e1', to));
      expect(calls).toEqual([[{ employerId: 'e1', stage: to }]]);
    },
  );

  it('should end the enrolments of employers moved together with one call, in order', async () => {
    await events.publishAll([changeOf('e1', 'contacted'), changeOf('e2', 'contacted'), changeOf('e1', 'paused')]);
    expect(calls).toEqual([
      [
        { employerId: 'e1', stage: 'contacted' },
        { employerId: 'e2', stage: 'contacted' },
        { employerId: 'e1', stage: 'paused' },
      ],
    ]);
  });

  it('should try each employer alone when the shared call fails, and name one that still fails', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    failWhen = (changes) => changes.length > 1 || changes[0].employerId === 'e2';
    try {
      await events.publishAll([changeOf('e1', 'contacted'), changeOf('e2', 'paused'), changeOf('e3', 'interested')]);

      expect(calls.slice(1)).toEqual([
        [{ employerId: 'e1', stage: 'contacted' }],
        [{ employerId: 'e2', stage: 'paused' }],
        [{ employerId: 'e3', stage: 'interested' }],
      ]);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0][0])).toMatch(/employer e2 at paused: Error: deadlock detected/);
    } finally {
      jest.restoreAllMocks();
    }
  });
});
