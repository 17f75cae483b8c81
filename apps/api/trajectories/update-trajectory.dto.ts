import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { TRAJECTORY_OUTCOMES, TRAJECTORY_STATUSES } from '@app/crm';

/**
 * Status flow intake → agreed → learning → assessment → certified, one step at a time, or `stopped`
 * from any state that is not final (409 otherwise). `certified` needs `praktijkverklaringAt`; an
 * `outcome` is for certified or stopped trajectories. Leaving `status` out keeps it.
 */
export class UpdateTrajectoryDto {
  @ApiPropertyOptional({ enum: TRAJECTORY_STATUSES })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2025-09-15', description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  praktijkverklaringAt?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, enum: TRAJECTORY_OUTCOMES })
  @IsOptional()
  @IsString()
  outcome?: string | null;
}
