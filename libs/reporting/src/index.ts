export * from './report.types';
export * from './report-range';
export * from './report-csv';
export * from './reports.service';
export * from './trajectory-report.service';
export * from './reporting.module';
export * from './campaign-report.service';
