import { PipelineStage } from '../stages/stage.types';
import { isSwRoute, TrajectoryRoute } from './trajectory.types';

/** What the stage rule needs of a trajectory. */
export interface StageFact {
  route: TrajectoryRoute;
  forOwnEmployee: boolean;
}

/**
 * The stages each trajectory of one employer leads to, in order, for its trajectories in start-date
 * order (issue 3): via an SW-bedrijf → `sw_pilot`; the first direct one → `own_trajectory`; a second
 * direct one → `structural`; one for the employer's own employee (any route) also → `structural`,
 * after its route's stage, so an own-employee trajectory via an SW-bedrijf still records the
 * `sw_pilot` entry cohorts are counted by (docs/metrics.md). Every trajectory counts, stopped ones
 * too: a trajectory that was started is a fact, and stopping changes no stage. Each target is passed
 * to `StageService.advance`, which only ever moves forward (a no-op when the employer already is
 * there or later) — so a second SW trajectory, or an SW one after a direct one, changes nothing.
 */
export function trajectoryStageSteps(ordered: readonly StageFact[]): PipelineStage[][] {
  let direct = 0;
  return ordered.map((fact) => {
    if (fact.route === 'direct') direct++;
    const byRoute: PipelineStage = isSwRoute(fact.route) ? 'sw_pilot' : direct >= 2 ? 'structural' : 'own_trajectory';
    return fact.forOwnEmployee && byRoute !== 'structural' ? [byRoute, 'structural'] : [byRoute];
  });
}

/** The last stage each trajectory leads to (the end of its `trajectoryStageSteps`). */
export function trajectoryStageTargets(ordered: readonly StageFact[]): PipelineStage[] {
  return trajectoryStageSteps(ordered).map((steps) => steps[steps.length - 1]);
}

/**
 * The moment a trajectory's stage change is dated at: noon UTC of `startedAt` (the same calendar day
 * in UTC and in Europe/Amsterdam), never later than now.
 */
export function stageMoveAt(startedAt: string, now: Date): Date {
  const at = new Date(`${startedAt}T12:00:00.000Z`);
  return at.getTime() > now.getTime() ? now : at;
}
