export * from './test-database';
export * from './test-queue-prefix';
export * from './smtp-sink';
export * from './seeded-random';
