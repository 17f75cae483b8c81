import { Injectable } from '@nestjs/common';
import { TimelineSource } from './timeline.types';

/**
 * The registration point for timeline entries of other modules. A module that imports `TimelineModule`
 * registers its sources once at start-up:
 *
 *   onModuleInit() { this.timelineSources.register({ kind: 'message', sql: (employer, param) => `SELECT …` }); }
 *
 * The timeline merges them with activities, stage changes and tasks in one UNION ALL query.
 */
@Injectable()
export class TimelineSources {
  private readonly sources = new Map<string, TimelineSource>();

  register(source: TimelineSource): void {
    if (BUILT_IN_KINDS.includes(source.kind) || this.sources.has(source.kind)) {
      throw new Error(`Timeline kind "${source.kind}" is registered twice`);
    }
    this.sources.set(source.kind, source);
  }

  all(): TimelineSource[] {
    return [...this.sources.values()];
  }
}

export const BUILT_IN_KINDS = ['activity', 'stage', 'task'];

/** For a time inside `data`: written like every other time of the API (`toISOString`, UTC). */
export function sqlIso(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
