import { Controller, Delete, HttpCode, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public, SessionTokenService } from '@app/auth';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { bearerToken } from '../http/bearer';

/**
 * The browser session for the pages the api serves itself (the queue dashboard at /admin/queues),
 * which a browser opens by navigation and so cannot send a bearer token to.
 */
@ApiTags('auth')
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionTokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Sets the session cookie for the signed-in caller (any role; the dashboard itself admits admins only).
   * A browser-session cookie whose token expires with the calling access token, so signing in again
   * is needed for the dashboard exactly when it is for the api.
   */
  @ApiBearerAuth()
  @Post()
  @HttpCode(200)
  open(@Req() request: Request, @Res({ passthrough: true }) response: Response): { expiresAt: string } {
    // The bearer guard already admitted this token; it is read again for its expiry.
    const session = this.sessions.issueFor(bearerToken(request) ?? '');
    if (!session) throw new UnauthorizedException('A valid access token is required');
    response.cookie(SESSION_COOKIE, session.token, sessionCookieOptions(this.config.publicUrl));
    return { expiresAt: session.expiresAt.toISOString() };
  }

  /** Removes the session cookie; needs no token, so signing out works also after the token expired. */
  @Public()
  @Delete()
  @HttpCode(204)
  close(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config.publicUrl));
  }
}
