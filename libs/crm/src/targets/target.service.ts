import { Injectable } from '@nestjs/common';
import { assertUuid, AuditService, DomainError, Page, pageOf, pageRequest, Transactions } from '@app/core';
import { Principal, RegionScope } from '@app/auth';
import { FieldErrors } from '../shared/field-errors';
import { parsePeriod, PERIOD_PROBLEM } from './target-period';
import { RegionCheck } from '../regions/region-check.service';
import { TargetRepository } from './target.repository';
import {
  TARGET_AUDIT_ENTITY,
  TARGET_METRICS,
  TARGET_SORT_FIELDS,
  TargetInput,
  TargetListQuery,
  TargetMetric,
  TargetResponse,
  TargetValues,
} from './target.types';

/** Largest target value; a count of employers or trajectories never gets near it. */
const MAX_VALUE = 1_000_000;

/** A region's targets per period and metric; a repeat save for the same three replaces the value. */
@Injectable()
export class TargetService {
  constructor(
    private readonly targets: TargetRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly regionCheck: RegionCheck,
  ) {}

  /**
   * Sets a target; `created` tells a new target (201) from a replaced one (200). Order of answers: a
   * missing or malformed regionId 400, a region outside the scope (or none at all) 404, then the
   * other fields 400 (their types too: the DTO only names them).
   */
  async save(principal: Principal, input: TargetInput): Promise<{ created: boolean; target: TargetResponse }> {
    if (input.regionId == null) throw DomainError.invalid('regionId', 'is required');
    const regionId = assertUuid(input.regionId, 'regionId');
    RegionScope.of(principal).assertIncludes(regionId);
    if (!(await this.targets.regionExists(regionId))) throw DomainError.notFound('region');
    const values = targetValues(regionId, input);
    const saved = await this.transactions.run(async () => {
      const saved = await this.targets.upsert(values, principal.id);
      if (saved.inserted || saved.previous !== saved.target.value) {
        await this.audit.record({
          by: principal.id,
          action: saved.inserted ? 'create' : 'update',
          entity: TARGET_AUDIT_ENTITY,
          entityId: saved.target.id,
          regionId,
          before: saved.inserted ? null : { ...saved.target, value: saved.previous },
          after: saved.target,
        });
      }
      return saved;
    });
    return { created: saved.inserted, target: saved.target };
  }

  async list(principal: Principal, query: TargetListQuery): Promise<Page<TargetResponse>> {
    const regionId = present(query.regionId) ? assertUuid(query.regionId, 'regionId') : undefined;
    const regionIds = (await this.regionCheck.narrow(RegionScope.of(principal), regionId)).sqlRegionIds;
    let period: string | undefined;
    if (present(query.period)) {
      period = parsePeriod(query.period)?.text;
      if (!period) throw DomainError.invalid('period', PERIOD_PROBLEM);
    }
    const request = pageRequest(query, TARGET_SORT_FIELDS, [
      { field: 'period', direction: 'ASC' },
      { field: 'metric', direction: 'ASC' },
    ]);
    const { items, total } = await this.targets.list({ regionIds, period }, request);
    return pageOf(items, total, request);
  }

  async delete(principal: Principal, id: string): Promise<void> {
    const targetId = assertUuid(id);
    await this.transactions.run(async () => {
      const target = await this.targets.findById(targetId, RegionScope.of(principal).sqlRegionIds);
      if (!target) throw DomainError.notFound('target');
      await this.targets.delete(targetId);
      await this.audit.record({
        by: principal.id,
        action: 'delete',
        entity: TARGET_AUDIT_ENTITY,
        entityId: targetId,
        regionId: target.regionId,
        before: target,
        after: null,
      });
    });
  }
}

/** Checks period, metric and value (of any JSON type), naming every invalid field at once. */
export function targetValues(regionId: string, input: TargetInput): TargetValues {
  const errors = new FieldErrors();
  const period = typeof input.period === 'string' ? parsePeriod(input.period) : null;
  if (input.period == null) errors.add('period', 'is required');
  else if (!period) errors.add('period', PERIOD_PROBLEM);
  if (input.metric == null) errors.add('metric', 'is required');
  else if (!(TARGET_METRICS as readonly string[]).includes(input.metric)) {
    errors.add('metric', `must be one of ${TARGET_METRICS.join(', ')}`);
  }
  if (input.value == null) errors.add('value', 'is required');
  else if (!Number.isInteger(input.value) || input.value < 0 || input.value > MAX_VALUE) {
    errors.add('value', `must be a whole number from 0 to ${MAX_VALUE}`);
  }
  errors.throwIfAny();
  return { regionId, period: period!.text, metric: input.metric as TargetMetric, value: input.value! };
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
