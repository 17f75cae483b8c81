import { Injectable } from '@nestjs/common';
import { LruMap } from './lru-map';
import { CompiledTemplate, TemplateCompiler } from './template-compiler';
import { TemplateSource, TemplateVersionRef } from './template.types';

/** Versions are immutable, so a compiled version never goes stale; the bound only limits memory. */
export const COMPILED_TEMPLATE_CACHE_SIZE = 500;

/**
 * Compiled templates per (templateId, version), compiled once per process. The promise is cached, so
 * concurrent first renders of a version share one load and one compilation; a failed load is forgotten.
 */
@Injectable()
export class CompiledTemplateCache {
  private readonly entries = new LruMap<string, Promise<CompiledTemplate | null>>(COMPILED_TEMPLATE_CACHE_SIZE);

  constructor(private readonly compiler: TemplateCompiler) {}

  get(ref: TemplateVersionRef, load: () => Promise<TemplateSource | null>): Promise<CompiledTemplate | null> {
    const key = `${ref.templateId}:${ref.version}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const pending = load().then((source) => (source === null ? null : this.compiler.compile(source)));
    this.entries.set(key, pending);
    // Neither a failed load nor a missing version is remembered: the next call asks again.
    pending.then(
      (compiled) => compiled === null && this.entries.delete(key),
      () => this.entries.delete(key),
    );
    return pending;
  }
}
