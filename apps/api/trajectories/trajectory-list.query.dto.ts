import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { TRAJECTORY_ROUTES, TRAJECTORY_SORT_FIELDS, TRAJECTORY_STATUSES } from '@app/crm';
import { PageQueryDto } from '../organisations/page.query.dto';

/** Filters of `GET /api/trajectories`; values are checked by the service. */
export class TrajectoryListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: `Sort: ${TRAJECTORY_SORT_FIELDS.join(', ')} (default -startedAt)`,
  })
  @IsOptional()
  @IsString()
  employerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  regionId?: string;

  @ApiPropertyOptional({ enum: TRAJECTORY_STATUSES })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({ enum: TRAJECTORY_ROUTES })
  @IsOptional()
  @IsString()
  route?: string;
}
