import { Foundation1764300000000 } from './1764300000000-foundation';
import { ReferenceData1764300000001 } from './1764300000001-reference-data';

/** Every migration, in order. New ones are appended here (see docs/development.md). */
export const MIGRATIONS = [Foundation1764300000000, ReferenceData1764300000001];
