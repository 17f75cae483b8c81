import { Injectable } from '@nestjs/common';
import { CompiledFilter } from './segment-filter.types';

/** A saved segment's filter as compiled, with the stored filter it was compiled from. */
export interface CompiledSegment {
  segmentId: string;
  /** A segment keeps its region (segment.service.ts `update`), so a scope check may use it; previews check it too. */
  regionId: string;
  /** The stored filter as JSON: a preview checks it against the row in the same statement as its count. */
  filterJson: string;
  compiled: CompiledFilter;
}

/** Per api process, over every region; an entry is a few hundred bytes, so the whole cache stays well under 1 MB. */
export const COMPILED_SEGMENT_CACHE_SIZE = 1_000;

/**
 * The compiled filters of recently previewed segments, so a preview of a saved segment needs no read of the
 * segment before its statements (docs/benchmarks.md, c). Never trusted on its own: the preview's count statement
 * compares the stored filter and region with the entry's, and a changed or deleted segment is read again. So it
 * holds across api processes; a change made in this process drops its entry at once, which only saves the statements
 * a stale entry would run before that check refuses it. Least recently used entries go first.
 */
@Injectable()
export class CompiledSegmentCache {
  private readonly entries = new Map<string, CompiledSegment>();

  get(segmentId: string): CompiledSegment | undefined {
    const entry = this.entries.get(segmentId);
    if (entry) {
      // Map keeps insertion order: moving the entry to the end makes the first key the least recently used.
      this.entries.delete(segmentId);
      this.entries.set(segmentId, entry);
    }
    return entry;
  }

  set(entry: CompiledSegment): void {
    this.entries.delete(entry.segmentId);
    this.entries.set(entry.segmentId, entry);
    if (this.entries.size > COMPILED_SEGMENT_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(segmentId: string): void {
    this.entries.delete(segmentId);
  }

  get size(): number {
    return this.entries.size;
  }
}
