export * from './test-database';
export * from './test-queue-prefix';
