import { Injectable, Logger } from '@nestjs/common';
import { Clock, Transactions } from '@app/core';
import { EmployerRepository } from '../employers/employer.repository';
import { todayInAmsterdam } from '../shared/calendar-date';
import { AmbassadorSweepRepository } from './ambassador-sweep.repository';
import { StoryAmbassadorRule } from './story-ambassador.rule';

/**
 * The daily safety net of the ambassador rule: a story consented from a later day becomes usable
 * without anyone saving anything, so once a day every structural employer with a usable story moves
 * to ambassador (cause `story`). Idempotent: a moved employer is no longer structural.
 */
@Injectable()
export class AmbassadorSweep {
  private readonly logger = new Logger('AmbassadorSweep');

  constructor(
    private readonly sweep: AmbassadorSweepRepository,
    private readonly employers: EmployerRepository,
    private readonly rule: StoryAmbassadorRule,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Returns how many employers moved. One transaction per employer, its row locked and re-checked. */
  async run(): Promise<number> {
    const today = todayInAmsterdam(this.clock);
    let moved = 0;
    for (const employerId of await this.sweep.candidates(today)) {
      const done = await this.transactions.run(async () => {
        if (!(await this.employers.findById(employerId, null, true))) return false;
        if ((await this.sweep.candidates(today, employerId)).length === 0) return false;
        return this.rule.afterStructural(employerId);
      });
      if (done) moved++;
    }
    if (moved > 0) this.logger.log(`Moved ${moved} structural employer(s) with a usable story to ambassador`);
    return moved;
  }
}
