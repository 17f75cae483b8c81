/** A start-up problem the user can fix (no Redis, an unusable data folder): printed as one line, without a stack. */
export class RuntimeError extends Error {}
