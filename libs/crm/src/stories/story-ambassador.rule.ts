import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { todayInAmsterdam } from '../shared/calendar-date';
import { StageService } from '../stages/stage.service';
import { amsterdamTime } from '../tasks/amsterdam-calendar';
import { StoryRepository } from './story.repository';

/**
 * "A usable published success story of a `structural` employer → `ambassador`" (cause `story`), from
 * every side, each inside the transaction of its cause: a story saved usable while the employer is
 * structural (`apply`), a trajectory making an employer structural that already has a usable story
 * (`afterStructural`), and the daily sweep for consent dates that arrive later (AmbassadorSweep).
 */
@Injectable()
export class StoryAmbassadorRule {
  constructor(
    private readonly stages: StageService,
    private readonly stories: StoryRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Called inside the story's transaction, with the employer row locked, once a story of it is usable.
   * Only a structural employer moves: `advance` alone would also lift earlier stages.
   */
  async apply(employer: { id: string; stage: string }, story: { title: string }, by: string): Promise<boolean> {
    if (employer.stage !== 'structural') return false;
    return this.stages.advance(employer.id, 'ambassador', {
      cause: 'story',
      at: this.clock.now(),
      by,
      reason: storyReason(story.title),
    });
  }

  /**
   * Called inside the transaction that just made the employer structural (a trajectory), or by the
   * sweep with the employer locked and structural: moves it on when it has a usable story. Dated when
   * the story became usable (recorded, consent day begun); `advance` keeps that from falling before
   * the structural entry (history is monotonic).
   */
  async afterStructural(employerId: string): Promise<boolean> {
    const story = await this.stories.findUsableOf(employerId, todayInAmsterdam(this.clock));
    if (!story) return false;
    const consentBegan = story.consentAt ? amsterdamTime(story.consentAt).getTime() : 0;
    return this.stages.advance(employerId, 'ambassador', {
      cause: 'story',
      at: new Date(Math.max(story.createdAt.getTime(), consentBegan)),
      by: null,
      reason: storyReason(story.title),
    });
  }
}

function storyReason(title: string): string {
  return `Success story “${title}”`;
}
