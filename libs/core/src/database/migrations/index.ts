import { Foundation1764300000000 } from './1764300000000-foundation';
import { ReferenceData1764300000001 } from './1764300000001-reference-data';
import { ImportScopeAndStorage1764300000450 } from './1764300000450-import-scope-and-storage';
import { CrmConstraints1764300000520 } from './1764300000520-crm-constraints';

/** Every migration, in order. New ones are appended here (see docs/development.md). */
export const MIGRATIONS = [
  Foundation1764300000000,
  ReferenceData1764300000001,
  ImportScopeAndStorage1764300000450,
  CrmConstraints1764300000520,
];
