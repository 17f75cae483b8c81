import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** One injectable `Clock` for every lib; tests override the provider with a `FixedClock`. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class ClockModule {}
