import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Permission, Requires, UserService } from '@app/auth';
// Type-only: decorated parameters would otherwise emit runtime references to interfaces (ESM).
import type { Principal, UserView } from '@app/auth';
import type { Page } from '@app/core';
import { CreateUserDto } from './create-user.dto';
import { ListUsersQueryDto } from './list-users.query.dto';
import { UpdateUserDto } from './update-user.dto';

/** Admins manage every user; coordinators those of their own regions (never admins). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Requires(Permission.ListUsers)
  @Get()
  list(@CurrentUser() principal: Principal, @Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.users.list(principal, query);
  }

  @Requires(Permission.ListUsers)
  @Get(':id')
  get(@CurrentUser() principal: Principal, @Param('id') id: string): Promise<UserView> {
    return this.users.get(principal, id);
  }

  @Requires(Permission.ManageUsers)
  @Post()
  create(@CurrentUser() principal: Principal, @Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create(principal, body);
  }

  @Requires(Permission.ManageUsers)
  @Patch(':id')
  update(@CurrentUser() principal: Principal, @Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(principal, id, body);
  }
}
