/**
 * SQL fragments shared by the report repositories. Parameter $1 is always the scope (`uuid[]`, null =
 * every region); the range bounds turn Amsterdam days into instants once, so `at` stays indexable.
 */
export const IN_SCOPE = (column = 'region_id') => `($1::uuid[] IS NULL OR ${column} = ANY($1::uuid[]))`;

/** 00:00 Europe/Amsterdam of the date parameter `$n`. */
export const DAY_START = (n: number) => `($${n}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/** 00:00 Europe/Amsterdam of the day after the date parameter `$n` (the exclusive end of an inclusive range). */
export const DAY_AFTER = (n: number) => `(($${n}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

/** The pipeline as an SQL array literal, for `array_position` ranks (1 = prospect … 7 = ambassador). */
export const pipelineArray = (stages: readonly string[]) => `ARRAY[${stages.map((s) => `'${s}'`).join(', ')}]::text[]`;
