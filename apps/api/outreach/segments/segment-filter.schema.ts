import type { ApiPropertyOptions } from '@nestjs/swagger';
import { MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH, SEGMENT_FIELDS, SEGMENT_OPS } from '@app/outreach';

/** The OpenAPI description of `filter`; the service checks it (400 with `details[].field` like `filter.all[2].op`). */
export const SEGMENT_FILTER_PROPERTY: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: true,
  example: {
    all: [
      { field: 'stage', op: 'in', value: ['prospect', 'contacted'] },
      { field: 'sbiSection', op: 'eq', value: '2025:R' },
      {
        any: [
          { field: 'tag', op: 'eq', value: 'zorg' },
          { field: 'swNetwork', op: 'exists', value: true },
        ],
      },
      { field: 'lastContactedAt', op: 'before', value: '2027-01-01' },
    ],
  },
  description: [
    `\`{ all: [...] }\` or \`{ any: [...] }\` of conditions \`{ field, op, value }\` and nested groups`,
    `(at most ${MAX_FILTER_DEPTH} levels and ${MAX_FILTER_CONDITIONS} conditions). Fields: ${SEGMENT_FIELDS.join(', ')};`,
    `ops: ${SEGMENT_OPS.join(', ')}. Per field: regionId eq/in (only narrows: a segment always selects its own`,
    'region); stage eq/neq/in/nin; sbiSection (`2025:Q`), sizeClass, ownerId eq/neq/in/nin/exists; tag',
    'eq/neq/in/nin (case-insensitive) and exists (has any tag); swNetwork eq/neq/in/nin (an active link with that',
    'SW-bedrijf of the region; any other id matches nothing) and exists (any active SW link); lastContactedAt',
    '(latest logged call, meeting or e-mail) before/after/exists; createdAt before/after; hasOpenTrajectory eq',
    'true/false (a trajectory not certified or stopped). `in`/`nin` take a list, `exists` true/false; before/after',
    'take a date (a whole day in Europe/Amsterdam, strict) or a time with offset. Neither before nor after matches',
    'an employer never contacted: combine with `{ field: "lastContactedAt", op: "exists", value: false }`.',
  ].join(' '),
};
