// Moved to core (the crm task digest needs it too); outreach keeps this path for its own imports.
export { addDays, fromAmsterdam, isoWeekday, toAmsterdam } from '@app/core';
export type { LocalDateTime } from '@app/core';
