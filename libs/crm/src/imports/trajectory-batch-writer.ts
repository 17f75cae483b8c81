import { Injectable } from '@nestjs/common';
import { toTrajectoryResponse } from '../trajectories/trajectory.mapper';
import { TrajectoryValues } from '../trajectories/trajectory.types';
import { assignRounds } from './batch-rounds';
import { ImportRowError } from './import.types';
import { ImportRun } from './imports.repository';
import { TrajectoryImportRepository, TrajectoryKey } from './trajectory-import.repository';
import { mergeTrajectoryRow, ResolvedRow } from './trajectory-row-merge';
import { resolveTrajectoryRow } from './trajectory-row-refs';
import { TrajectoryRowValues } from './trajectory-row';

export interface WrittenBatch {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows refused by what only the database knows (unknown employer, host or school; merged state). */
  failed: number;
  errors: ImportRowError[];
}

const keyOf = (k: TrajectoryKey) => `${k.employerId}\n${k.candidateRef}\n${k.startedAt}`;

/**
 * Writes one batch of checked rows inside the batch's transaction: resolves employers and partners
 * with one query each, then per round (a key at most once per round, so rows of one trajectory apply
 * in file order) locks the stored trajectories, merges, inserts and updates set-based, and audits.
 */
@Injectable()
export class TrajectoryBatchWriter {
  constructor(private readonly repository: TrajectoryImportRepository) {}

  regions() {
    return this.repository.regions();
  }

  touchedEmployers(importId: string) {
    return this.repository.touchedEmployers(importId);
  }

  async write(rows: TrajectoryRowValues[], run: ImportRun, at: Date): Promise<WrittenBatch> {
    const result: WrittenBatch = { created: 0, updated: 0, unchanged: 0, failed: 0, errors: [] };
    const employerIds = await this.repository.employers(
      [...new Map(rows.map((r) => [`${r.regionId} ${r.kvkNumber}`, r])).values()].map((r) => ({
        regionId: r.regionId,
        kvkNumber: r.kvkNumber,
      })),
    );
    const partnerRegions = new Set(rows.filter((r) => r.host || r.mbo).map((r) => r.regionId));
    const partners = await this.repository.partners([...partnerRegions]);
    const ready: { row: TrajectoryRowValues; resolved: ResolvedRow }[] = [];
    for (const row of rows) {
      const found = resolveTrajectoryRow(row, employerIds, partners);
      if (found.ok) ready.push({ row, resolved: found.resolved });
      else this.refuse(result, found.errors);
    }
    const rounds = assignRounds(ready, (r) => keyOf(key(r)));
    const roundCount = rounds.reduce((max, r) => Math.max(max, r.round + 1), 0);
    for (let round = 0; round < roundCount; round++) {
      await this.writeRound(
        rounds.filter((r) => r.round === round).map((r) => r.row),
        run,
        at,
        result,
      );
    }
    return result;
  }

  private async writeRound(
    items: { row: TrajectoryRowValues; resolved: ResolvedRow }[],
    run: ImportRun,
    at: Date,
    result: WrittenBatch,
  ): Promise<void> {
    const stored = new Map((await this.repository.lockByKeys(items.map(key))).map((row) => [keyOf(row), row]));
    const creates: TrajectoryValues[] = [];
    const updates: { id: string; values: TrajectoryValues }[] = [];
    for (const item of items) {
      const before = stored.get(keyOf(key(item))) ?? null;
      const merged = mergeTrajectoryRow(item.row, before, item.resolved);
      if (!merged.ok) this.refuse(result, merged.errors);
      else if (merged.outcome === 'created') creates.push(merged.values);
      else if (merged.outcome === 'updated') updates.push({ id: before!.id, values: merged.values });
      else result.unchanged++;
    }
    const inserted = await this.repository.insertMany(creates, run.createdBy, run.id, at);
    const updated = await this.repository.updateMany(updates, run.id, at);
    result.created += inserted.length;
    result.updated += updated.length;
    const entries = [
      ...inserted.map((row) => ({ action: 'create' as const, row, before: null })),
      ...updated.map((row) => ({ action: 'update' as const, row, before: stored.get(keyOf(row)) ?? null })),
    ].map(({ action, row, before }) => ({
      action,
      entityId: row.id,
      regionId: row.regionId,
      before: before && toTrajectoryResponse(before),
      after: toTrajectoryResponse(row),
    }));
    await this.repository.audit(entries, run.createdBy, at);
  }

  private refuse(result: WrittenBatch, errors: ImportRowError[]): void {
    result.failed++;
    result.errors.push(...errors);
  }
}

function key(item: { row: TrajectoryRowValues; resolved: ResolvedRow }): TrajectoryKey {
  return { employerId: item.resolved.employerId, candidateRef: item.row.candidateRef, startedAt: item.row.startedAt };
}
