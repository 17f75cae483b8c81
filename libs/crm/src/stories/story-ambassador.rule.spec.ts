import { Clock, DomainEvents, FixedClock, Transactions } from '@app/core';
import { EmployerRepository } from '../employers/employer.repository';
import { EMPLOYER_STAGE_CHANGED, EmployerStageChanged } from '../stages/stage-events';
import { StageService } from '../stages/stage.service';
import { AdvanceOptions } from '../stages/stage.types';
import { StoryAmbassadorRule } from './story-ambassador.rule';
import { StoryRepository } from './story.repository';

const EMPLOYER = '00000000-0000-4000-8000-0000000000e1';
const NOW = new Date('2027-06-15T10:00:00Z');

function setup(options: { stage: string; storyCreatedAt?: Date | null }) {
  const advanced: { employerId: string; to: string; options: AdvanceOptions }[] = [];
  const stages = {
    advance: async (employerId: string, to: string, opts: AdvanceOptions) => {
      advanced.push({ employerId, to, options: opts });
      return true;
    },
  } as unknown as StageService;
  const story = options.storyCreatedAt ? { title: 'Leerbaan', createdAt: options.storyCreatedAt } : null;
  const stories = { findUsableOf: async () => story } as unknown as StoryRepository;
  const employers = { findById: async () => ({ id: EMPLOYER, stage: options.stage }) } as unknown as EmployerRepository;
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as unknown as Transactions;
  const events = new DomainEvents();
  const clock: Clock = new FixedClock(NOW);
  const rule = new StoryAmbassadorRule(stages, stories, employers, transactions, events, clock);
  rule.onModuleInit();
  const structural = (cause: string, at: Date): EmployerStageChanged =>
    ({
      name: EMPLOYER_STAGE_CHANGED,
      employerId: EMPLOYER,
      regionId: 'r',
      from: 'own_trajectory',
      to: 'structural',
      at,
      cause,
      by: null,
    }) as EmployerStageChanged;
  return { rule, events, advanced, structural };
}

describe('StoryAmbassadorRule', () => {
  it('should move a structural employer to ambassador with cause story when its story is usable', async () => {
    const { rule, advanced } = setup({ stage: 'structural' });
    await expect(rule.apply({ id: EMPLOYER, stage: 'structural' }, { title: 'Leerbaan' }, 'user-1')).resolves.toBe(
      true,
    );
    expect(advanced).toEqual([
      {
        employerId: EMPLOYER,
        to: 'ambassador',
        options: { cause: 'story', at: NOW, by: 'user-1', reason: 'Success story “Leerbaan”' },
      },
    ]);
  });

  it.each(['prospect', 'interested', 'own_trajectory', 'ambassador', 'paused', 'not_interested'])(
    'should leave the stage alone when the employer is %s',
    async (stage) => {
      const { rule, advanced } = setup({ stage });
      await expect(rule.apply({ id: EMPLOYER, stage }, { title: 'Leerbaan' }, 'user-1')).resolves.toBe(false);
      expect(advanced).toEqual([]);
    },
  );

  it('should move an employer made structural by a trajectory when it already has a usable story', async () => {
    const { events, advanced, structural } = setup({
      stage: 'structural',
      storyCreatedAt: new Date('2027-03-01T09:00:00Z'),
    });
    await events.publish(structural('trajectory', new Date('2027-05-01T00:00:00Z')));
    expect(advanced).toMatchObject([
      { to: 'ambassador', options: { cause: 'story', at: new Date('2027-05-01T00:00:00Z'), by: null } },
    ]);
  });

  it('should date the move at the story when the story was recorded after the trajectory started', async () => {
    const { events, advanced, structural } = setup({
      stage: 'structural',
      storyCreatedAt: new Date('2027-06-01T09:00:00Z'),
    });
    await events.publish(structural('trajectory', new Date('2026-11-01T00:00:00Z')));
    expect(advanced[0].options.at).toEqual(new Date('2027-06-01T09:00:00Z'));
  });

  it('should not move an employer after an override to structural or without a usable story', async () => {
    const overridden = setup({ stage: 'structural', storyCreatedAt: new Date('2027-03-01T09:00:00Z') });
    await overridden.events.publish(overridden.structural('override', NOW));
    expect(overridden.advanced).toEqual([]);
    const withoutStory = setup({ stage: 'structural', storyCreatedAt: null });
    await withoutStory.events.publish(withoutStory.structural('trajectory', NOW));
    expect(withoutStory.advanced).toEqual([]);
  });
});
