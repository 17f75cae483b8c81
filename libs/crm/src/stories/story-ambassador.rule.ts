import { Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, DomainEvents, Transactions } from '@app/core';
import { EmployerRepository } from '../employers/employer.repository';
import { todayInAmsterdam } from '../shared/calendar-date';
import { EMPLOYER_STAGE_CHANGED, EmployerStageChanged } from '../stages/stage-events';
import { StageService } from '../stages/stage.service';
import { StoryRepository } from './story.repository';

/**
 * "A usable published success story of a `structural` employer → `ambassador`" (cause `story`), from
 * both sides: a story becoming usable while the employer is structural, and a trajectory making an
 * employer structural while it already has a usable story.
 */
@Injectable()
export class StoryAmbassadorRule implements OnModuleInit {
  constructor(
    private readonly stages: StageService,
    private readonly stories: StoryRepository,
    private readonly employers: EmployerRepository,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<EmployerStageChanged>(EMPLOYER_STAGE_CHANGED, (event) => this.onStageChanged(event));
  }

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

  private async onStageChanged(event: EmployerStageChanged): Promise<void> {
    // A coordinator's override to structural is left alone: it may be correcting this very move.
    if (event.to !== 'structural' || event.cause !== 'trajectory') return;
    await this.transactions.run(async () => {
      const employer = await this.employers.findById(event.employerId, null, true);
      if (employer?.stage !== 'structural') return;
      const story = await this.stories.findUsableOf(employer.id, todayInAmsterdam(this.clock));
      if (!story) return;
      // Both facts must hold: structural since the event, the story known since it was recorded.
      const at = new Date(Math.max(new Date(event.at).getTime(), story.createdAt.getTime()));
      await this.stages.advance(employer.id, 'ambassador', {
        cause: 'story',
        at,
        by: null,
        reason: storyReason(story.title),
      });
    });
  }
}

function storyReason(title: string): string {
  return `Success story “${title}”`;
}
