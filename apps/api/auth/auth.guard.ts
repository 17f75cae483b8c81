import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  AuthService,
  Permission,
  Principal,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSIONS,
  ROLE_PERMISSIONS,
  TokenService,
} from '@app/auth';
import { DomainError } from '@app/core';
import { requestPrincipal } from './request-principal';

export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Global guard (guards run before pipes, so 401 and 403 come before any 400): a valid token of an
 * active user, re-read on every request so disabling a user or changing their password ends their
 * tokens at once; then the route's `@Requires` permissions against the role table.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await requestPrincipal(request, this.tokens, this.auth);
    if (!principal) throw new DomainError('unauthorized', 'auth.unauthenticated', 'A valid access token is required');
    request.principal = principal;
    const required = this.reflector.getAllAndMerge<Permission[]>(REQUIRED_PERMISSIONS, targets) ?? [];
    if (!required.every((permission) => ROLE_PERMISSIONS[principal.role].has(permission)))
      throw DomainError.forbidden();
    return true;
  }
}
