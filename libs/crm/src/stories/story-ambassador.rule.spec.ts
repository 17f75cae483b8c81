import { Clock, FixedClock } from '@app/core';
import { StageService } from '../stages/stage.service';
import { AdvanceOptions } from '../stages/stage.types';
import { StoryAmbassadorRule } from './story-ambassador.rule';
import { StoryRepository } from './story.repository';

const EMPLOYER = '00000000-0000-4000-8000-0000000000e1';
const NOW = new Date('2027-06-15T10:00:00Z');

function setup(story: { createdAt: Date; consentAt: string | null } | null = null) {
  const advanced: { employerId: string; to: string; options: AdvanceOptions }[] = [];
  const stages = {
    advance: async (employerId: string, to: string, opts: AdvanceOptions) => {
      advanced.push({ employerId, to, options: opts });
      return true;
    },
  } as unknown as StageService;
  const found = story ? { title: 'Leerbaan', ...story } : null;
  const stories = { findUsableOf: async () => found } as unknown as StoryRepository;
  const clock: Clock = new FixedClock(NOW);
  return { rule: new StoryAmbassadorRule(stages, stories, clock), advanced };
}

describe('StoryAmbassadorRule', () => {
  it('should move a structural employer to ambassador with cause story when its story is usable', async () => {
    const { rule, advanced } = setup();
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
      const { rule, advanced } = setup();
      await expect(rule.apply({ id: EMPLOYER, stage }, { title: 'Leerbaan' }, 'user-1')).resolves.toBe(false);
      expect(advanced).toEqual([]);
    },
  );

  it('should move a newly structural employer dated when its story was recorded when consent came earlier', async () => {
    const { rule, advanced } = setup({ createdAt: new Date('2027-03-01T09:00:00Z'), consentAt: '2027-02-01' });
    await expect(rule.afterStructural(EMPLOYER)).resolves.toBe(true);
    expect(advanced).toEqual([
      {
        employerId: EMPLOYER,
        to: 'ambassador',
        options: { cause: 'story', at: new Date('2027-03-01T09:00:00Z'), by: null, reason: 'Success story “Leerbaan”' },
      },
    ]);
  });

  it('should date the move at the start of the consent day (Amsterdam) when consent came after the story', async () => {
    const { rule, advanced } = setup({ createdAt: new Date('2027-03-01T09:00:00Z'), consentAt: '2027-06-01' });
    await rule.afterStructural(EMPLOYER);
    expect(advanced[0].options.at).toEqual(new Date('2027-05-31T22:00:00Z'));
  });

  it('should not move a newly structural employer without a usable story', async () => {
    const { rule, advanced } = setup(null);
    await expect(rule.afterStructural(EMPLOYER)).resolves.toBe(false);
    expect(advanced).toEqual([]);
  });
});
