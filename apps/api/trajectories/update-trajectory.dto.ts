import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { TRAJECTORY_OUTCOMES, TRAJECTORY_STATUSES } from '@app/crm';

/**
 * Status flow intake → agreed → learning → assessment → certified, one step at a time, or `stopped`
 * from any state that is not final (409 otherwise). `certified` needs `praktijkverklaringAt`; an
 * `outcome` is for certified or stopped trajectories. Leaving `status` out keeps it. Field names only
 * (`@Allow()`): the service checks types and values once the trajectory is found in the caller's regions.
 */
export class UpdateTrajectoryDto {
  @ApiPropertyOptional({ enum: TRAJECTORY_STATUSES })
  @Allow()
  status?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-09-15', description: 'YYYY-MM-DD' })
  @Allow()
  praktijkverklaringAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: TRAJECTORY_OUTCOMES })
  @Allow()
  outcome?: string | null;
}
