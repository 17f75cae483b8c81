import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthService } from './login/auth.service';
import { LoginFailureRepository } from './login/login-failure.repository';
import { SessionTokenService } from './tokens/session-token.service';
import { TokenService } from './tokens/token.service';
import { UserEntity } from './users/user.entity';
import { UserRepository } from './users/user.repository';
import { UserService } from './users/user.service';

/** Users, sign-in and tokens. Needs the global config, clock and audit modules. */
@Module({
  // Secret and algorithm are passed on every sign/verify by TokenService, never defaulted.
  imports: [TypeOrmModule.forFeature([UserEntity]), JwtModule.register({})],
  providers: [UserRepository, LoginFailureRepository, TokenService, SessionTokenService, AuthService, UserService],
  exports: [UserRepository, TokenService, SessionTokenService, AuthService, UserService],
})
export class AuthModule {}
