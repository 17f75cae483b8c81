import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Permission } from './permission';
import { Principal } from './role';

export const PUBLIC_ROUTE = 'vliegwiel:public';
export const REQUIRED_PERMISSIONS = 'vliegwiel:permissions';

/** The route needs no token (login, health, unsubscribe). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller's role must grant every listed permission (api.md role table), else 403. */
export const Requires = (...permissions: Permission[]) => SetMetadata(REQUIRED_PERMISSIONS, permissions);

/** The signed-in caller, set on the request by the auth guard. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
