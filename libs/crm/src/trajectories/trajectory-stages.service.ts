import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@app/core';
import { EmployerRepository } from '../employers/employer.repository';
import { StageService } from '../stages/stage.service';
import { stageMoveAt, trajectoryStageTargets } from './trajectory-stage-rule';
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
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /**
   * Follows the trajectories that started on or after `from` (null: all); those before it keep their
   * targets, since a later trajectory never changes what an earlier one meant. Joins the caller's
   * transaction; returns how many stage changes were recorded.
   */
  follow(employerId: string, from: string | null, by: string | null): Promise<number> {
    return this.transactions.run(async () => {
      // Lock first: two trajectories of one employer recorded at once must each see the other.
      if (!(await this.employers.findById(employerId, null, true))) return 0;
      const facts = await this.trajectories.facts(employerId);
      const targets = trajectoryStageTargets(facts);
      const now = this.clock.now();
      let moved = 0;
      for (const [index, fact] of facts.entries()) {
        if (from !== null && fact.startedAt < from) continue;
        const at = stageMoveAt(fact.startedAt, now);
        if (await this.stages.advance(employerId, targets[index], { cause: 'trajectory', at, by })) moved++;
      }
      return moved;
    });
  }
}
