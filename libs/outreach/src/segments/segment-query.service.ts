import { Injectable } from '@nestjs/common';
import { assertUuid, DomainError } from '@app/core';
import { CompiledSegment, CompiledSegmentCache } from './compiled-segment-cache';
import { SegmentEmployerRepository } from './segment-employer.repository';
import { compileSegmentFilter } from './segment-filter.compiler';
import { CompiledFilter } from './segment-filter.types';
import { SegmentRepository } from './segment.repository';
import { SEGMENT_SAMPLE_SIZE, SegmentPreview, SegmentSource } from './segment.types';

export const MAX_STREAM_BATCH = 10_000;

/**
 * Which employers a segment selects. Not scoped to a person: callers (the segment service for
 * people, the campaign launch for the system) decide who may ask, and pass the regions they may see.
 */
@Injectable()
export class SegmentQuery {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly employers: SegmentEmployerRepository,
    private readonly compiledSegments: CompiledSegmentCache,
  ) {}

  /** The number of matching employers and the first 20 in (name, id) order. */
  async preview(source: SegmentSource): Promise<SegmentPreview> {
    if (typeof source === 'string') return this.previewSaved(source, null);
    const { regionId, compiled } = await this.resolve(source);
    return this.employers.preview(regionId, compiled, SEGMENT_SAMPLE_SIZE);
  }

  /**
   * A saved segment's preview, if it is in one of `regionIds` (null: any region); 404 otherwise. A segment
   * previewed before runs its compiled filter straight away, and its count statement checks that the stored
   * filter is still that one; if not (changed or deleted since), the segment is read and compiled again. So the
   * usual preview is the count and the page alone, without the segment's read before them (docs/benchmarks.md, c).
   */
  async previewSaved(segmentId: string, regionIds: string[] | null): Promise<SegmentPreview> {
    const id = assertUuid(segmentId, 'segmentId');
    const known = this.compiledSegments.get(id);
    if (known && (regionIds === null || regionIds.includes(known.regionId))) {
      const preview = await this.employers.previewIfCurrent(known, SEGMENT_SAMPLE_SIZE);
      if (preview) return preview;
    }
    const fresh = await this.readSaved(id, regionIds);
    this.compiledSegments.set(fresh);
    return this.employers.preview(fresh.regionId, fresh.compiled, SEGMENT_SAMPLE_SIZE);
  }

  /** After a segment was changed or deleted in this process: its next preview reads it first, not a stale entry. */
  forgetCompiled(segmentId: string): void {
    this.compiledSegments.forget(segmentId);
  }

  /**
   * The matching employer ids in batches of at most `batchSize`, in id order, one query per batch
   * (keyset paging), so a launch never holds a whole region in memory. Each batch sees the data as it
   * is then: an employer that changes mid-stream is judged by its state when its batch is read.
   */
  async *streamEmployerIds(source: SegmentSource, batchSize = 500): AsyncIterable<string[]> {
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_STREAM_BATCH) {
      throw new RangeError(`batchSize must be a whole number from 1 to ${MAX_STREAM_BATCH}`);
    }
    const { regionId, compiled } = await this.resolve(source);
    let after: string | null = null;
    for (;;) {
      const ids = await this.employers.idsAfter(regionId, compiled, after, batchSize);
      if (ids.length > 0) yield ids;
      if (ids.length < batchSize) return;
      after = ids[ids.length - 1];
    }
  }

  private async resolve(source: SegmentSource): Promise<{ regionId: string; compiled: CompiledFilter }> {
    if (typeof source !== 'string') {
      return { regionId: assertUuid(source.regionId, 'regionId'), compiled: compileSegmentFilter(source.filter) };
    }
    return this.readSaved(assertUuid(source, 'segmentId'), null);
  }

  /** A saved segment in one of `regionIds` (null: any), compiled; 404 when there is none. */
  private async readSaved(id: string, regionIds: string[] | null): Promise<CompiledSegment> {
    const segment = await this.segments.findById(id, regionIds);
    if (!segment) throw DomainError.notFound('segment');
    return {
      segmentId: id,
      regionId: segment.regionId,
      filterJson: JSON.stringify(segment.filter),
      compiled: compileSegmentFilter(segment.filter),
    };
  }
}
