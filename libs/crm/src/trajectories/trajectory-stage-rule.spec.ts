import { PipelineStage } from '../stages/stage.types';
import { stageMoveAt, StageFact, trajectoryStageSteps, trajectoryStageTargets } from './trajectory-stage-rule';

const sw: StageFact = { route: 'sw_internal', forOwnEmployee: false };
const secondment: StageFact = { route: 'sw_secondment', forOwnEmployee: false };
const direct: StageFact = { route: 'direct', forOwnEmployee: false };
const ownDirect: StageFact = { route: 'direct', forOwnEmployee: true };
const ownSw: StageFact = { route: 'sw_secondment', forOwnEmployee: true };

describe('trajectoryStageSteps (which stages each trajectory leads to, in start-date order)', () => {
  const table: [string, StageFact[], PipelineStage[][]][] = [
    ['a first SW trajectory', [sw], [['sw_pilot']]],
    ['a first secondment', [secondment], [['sw_pilot']]],
    ['a first direct trajectory', [direct], [['own_trajectory']]],
    ['a second direct trajectory', [direct, direct], [['own_trajectory'], ['structural']]],
    ['SW then direct', [sw, direct], [['sw_pilot'], ['own_trajectory']]],
    ['direct, SW, direct', [direct, sw, direct], [['own_trajectory'], ['sw_pilot'], ['structural']]],
    ['two SW trajectories', [sw, secondment], [['sw_pilot'], ['sw_pilot']]],
    ['one for an own employee', [ownDirect], [['own_trajectory', 'structural']]],
    ['an own employee via an SW route', [ownSw], [['sw_pilot', 'structural']]],
    [
      'an own-employee trajectory then a direct one',
      [ownDirect, direct],
      [['own_trajectory', 'structural'], ['structural']],
    ],
    ['a direct one then one for an own employee', [direct, ownDirect], [['own_trajectory'], ['structural']]],
    ['SW, then an own employee via SW', [sw, ownSw], [['sw_pilot'], ['sw_pilot', 'structural']]],
    [
      'SW, direct, direct, direct',
      [sw, direct, direct, direct],
      [['sw_pilot'], ['own_trajectory'], ['structural'], ['structural']],
    ],
    ['no trajectories', [], []],
  ];

  it.each(table)('should give the right targets when the employer has %s', (_name, facts, expected) => {
    expect(trajectoryStageSteps(facts)).toEqual(expected);
  });

  it("should name the last of each trajectory's steps as its target", () => {
    expect(trajectoryStageTargets([ownSw, direct, direct])).toEqual(['structural', 'own_trajectory', 'structural']);
  });
});

describe('stageMoveAt (when a trajectory stage change is dated)', () => {
  const now = new Date('2026-05-10T09:30:00.000Z');

  it('should date at noon UTC of startedAt when startedAt lies in the past', () => {
    expect(stageMoveAt('2025-03-01', now).toISOString()).toBe('2025-03-01T12:00:00.000Z');
  });

  it('should clamp to now when noon of startedAt is still to come', () => {
    expect(stageMoveAt('2026-05-10', now)).toEqual(now);
  });
});
