import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthService, CurrentUser, Public } from '@app/auth';
// Type-only: decorated parameters would otherwise emit runtime references to interfaces (ESM).
import type { LoginResult, PasswordChangeResult, Principal, UserView } from '@app/auth';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** 401 on bad credentials or a disabled user; 429 after 10 failures of the account or address in 15 minutes. */
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Ip() address: string): Promise<LoginResult> {
    return this.auth.login(body, address);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() principal: Principal): Promise<UserView> {
    return this.auth.me(principal);
  }

  /**
   * A wrong `currentPassword` is a 400 naming that field (the token is valid, so not a 401). The change
   * ends every token issued before it; the answer carries a fresh `accessToken` so the caller stays signed in.
   */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  changePassword(
    @CurrentUser() principal: Principal,
    @Body() body: ChangePasswordDto,
    @Ip() address: string,
  ): Promise<PasswordChangeResult> {
    return this.auth.changePassword(principal, body, address);
  }
}
