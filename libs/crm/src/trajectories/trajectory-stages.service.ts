import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@app/core';
import { EmployerRepository } from '../employers/employer.repository';
import { StageService } from '../stages/stage.service';
import { StoryAmbassadorRule } from '../stories/story-ambassador.rule';
import { stageMoveAt, trajectoryStageSteps } from './trajectory-stage-rule';
import { TrajectoryRepository } from './trajectory.repository';

/**
 * Moves an employer's stage after its trajectories (cause `trajectory`, dated at each `startedAt`).
 * It walks the employer's trajectories in start-date order and advances to each one's target, so the
 * history comes out in date order even when trajectories are recorded out of order (an import of
 * history); `advance` is a no-op for every stage already reached.
 */
@Injectable()
export class TrajectoryStages {
  constructor(
    private readonly trajectories: TrajectoryRepository,
    private readonly employers: EmployerRepository,
    private readonly stages: StageService,
    private readonly ambassador: StoryAmbassadorRule,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Follows the trajectories that started on or after `from` (null: all); those before it keep their
   * targets, since a later trajectory never changes what an earlier one meant. An employer made
   * structural here that has a usable story moves on to ambassador in the same transaction. Joins the
   * caller's transaction; returns how many stage changes were recorded.
   */
  follow(employerId: string, from: string | null, by: string | null): Promise<number> {
    return this.transactions.run(async () => {
      // Lock first: two trajectories of one employer recorded at once must each see the other.
      if (!(await this.employers.findById(employerId, null, true))) return 0;
      const facts = await this.trajectories.facts(employerId);
      const steps = trajectoryStageSteps(facts);
      const now = this.clock.now();
      let moved = 0;
      let structural = false;
      for (const [index, fact] of facts.entries()) {
        if (from !== null && fact.startedAt < from) continue;
        const at = stageMoveAt(fact.startedAt, now);
        for (const to of steps[index]) {
          if (!(await this.stages.advance(employerId, to, { cause: 'trajectory', at, by }))) continue;
          moved++;
          if (to === 'structural') structural = true;
        }
      }
      if (structural && (await this.ambassador.afterStructural(employerId))) moved++;
      return moved;
    });
  }
}
