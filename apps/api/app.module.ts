import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreInfrastructureModule } from '@app/core';
import { QueueProcessorsModule } from '../worker/queue-processors.module';
import { AdminModule } from './admin/admin.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { CampaignsHttpModule } from './outreach/campaigns/campaigns-http.module';
import { CrmHttpModule } from './organisations/crm-http.module';
import { HealthModule } from './health/health.module';
import { ImportsHttpModule } from './imports/imports-http.module';
import { MetricsModule } from './metrics/metrics.module';
import { PipelineHttpModule } from './pipeline/pipeline-http.module';
import { RateLimitModule } from './http/rate-limit.module';
import { PrivacyHttpModule } from './privacy/privacy-http.module';
import { ReportsHttpModule } from './reports/reports-http.module';
import { SegmentsHttpModule } from './outreach/segments/segments-http.module';
import { SuppressionsHttpModule } from './outreach/suppressions/suppressions-http.module';
import { StoriesTargetsHttpModule } from './stories/stories-targets-http.module';
import { TemplatesHttpModule } from './outreach/templates/templates-http.module';
import { UnsubscribeHttpModule } from './outreach/unsubscribe/unsubscribe-http.module';
import { TrajectoriesHttpModule } from './trajectories/trajectories-http.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The resolved database: DATABASE_URL or the embedded server's address. */
  databaseUrl: string;
}

/** The HTTP app: wires the libs together; with WORKERS=inline it also hosts the queue processors. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreInfrastructureModule.forRoot(config, databaseUrl),
        ...(config.workers === 'inline' ? [QueueProcessorsModule] : []),
        // Before AuthHttpModule: global guards run in this order, so the limit counts a request (401s
        // included) and refuses one over the budget before the auth guard decides; the user read it needs
        // runs beside the limiter's Redis call (auth/request-principal.ts).
        RateLimitModule,
        AuthHttpModule,
        MetricsModule,
        AdminModule,
        HealthModule,
        CampaignsHttpModule,
        CrmHttpModule,
        ImportsHttpModule,
        PipelineHttpModule,
        PrivacyHttpModule,
        ReportsHttpModule,
        SegmentsHttpModule,
        StoriesTargetsHttpModule,
        SuppressionsHttpModule,
        TemplatesHttpModule,
        TrajectoriesHttpModule,
        UnsubscribeHttpModule,
      ],
    };
  }
}
