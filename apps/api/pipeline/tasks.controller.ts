import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires } from '@app/auth';
import type { Principal } from '@app/auth';
import { TaskService } from '@app/crm';
import type { TaskResponse } from '@app/crm';
import type { Page } from '@app/core';
import { CreateTaskDto } from './create-task.dto';
import { TaskListQueryDto } from './task-list.query.dto';
import { UpdateTaskDto } from './update-task.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TaskService) {}

  @Requires(Permission.WriteCrm)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateTaskDto): Promise<TaskResponse> {
    return this.tasks.create(principal, body);
  }

  @Requires(Permission.ReadCrm)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: TaskListQueryDto): Promise<Page<TaskResponse>> {
    return this.tasks.list(principal, query);
  }

  @Requires(Permission.ReadCrm)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<TaskResponse> {
    return this.tasks.get(principal, id);
  }

  @Requires(Permission.WriteCrm)
  @Patch(':id')
  update(
    @CurrentUser() principal: Principal,
    @Param('id') id: string,
    @Body() body: UpdateTaskDto,
  ): Promise<TaskResponse> {
    return this.tasks.update(principal, id, body);
  }
}
