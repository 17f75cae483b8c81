import { DomainEvents } from '@app/core';
import { EMPLOYER_STAGE_CHANGED, EmployerStage, EmployerStageChanged } from '@app/crm';
import { EnrolmentExits } from './enrolment-exits.service';
import { StageExitListener } from './stage-exit.listener';

describe('StageExitListener', () => {
  const calls: unknown[][] = [];
  const exits = {
    exitEmployer: async (...args: unknown[]) => void calls.push(['employer', ...args]),
    exitEmployerAtStages: async (...args: unknown[]) => void calls.push(['stages', ...args]),
  } as unknown as EnrolmentExits;
  const events = new DomainEvents();
  new StageExitListener(events, exits).onModuleInit();
  const changeTo = (to: EmployerStage) => {
    const event: EmployerStageChanged = {
      name: EMPLOYER_STAGE_CHANGED,
      employerId: 'e1',
      regionId: 'r1',
      from: 'prospect',
      to,
      at: new Date(),
      cause: 'manual',
      by: null,
    };
    return events.publish(event);
  };

  beforeEach(() => {
    calls.length = 0;
  });

  it('should exit campaigns whose exit stage lies at or before the new stage when the employer advances', async () => {
    await changeTo('sw_pilot');
    expect(calls).toEqual([['stages', 'e1', ['prospect', 'contacted', 'interested', 'sw_pilot'], 'stage_reached']]);
  });

  it.each(['not_interested', 'paused'] as const)(
    'should exit every campaign as %s when the employer moves there',
    async (to) => {
      await changeTo(to);
      expect(calls).toEqual([['employer', 'e1', null, to]]);
    },
  );
});
