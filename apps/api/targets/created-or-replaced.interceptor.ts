import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** For a save that creates or replaces: `{ created, target }` → 201 or 200 with the target as the body. */
@Injectable()
export class CreatedOrReplacedInterceptor<T> implements NestInterceptor<{ created: boolean; target: T }, T> {
  intercept(context: ExecutionContext, next: CallHandler<{ created: boolean; target: T }>): Observable<T> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map(({ created, target }) => {
        response.status(created ? 201 : 200);
        return target;
      }),
    );
  }
}
