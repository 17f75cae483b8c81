import { CompiledTemplateCache, COMPILED_TEMPLATE_CACHE_SIZE } from './compiled-template.cache';
import { CompiledTemplate, TemplateCompiler } from './template-compiler';
import { TemplateSource } from './template.types';

const source: TemplateSource = { subject: 'S {{contact.firstName}}', html: '<p>{{employer.name}}</p>', text: null };

/** The real compiler, counting its compilations. */
class CountingCompiler extends TemplateCompiler {
  compilations = 0;
  override compile(input: TemplateSource): CompiledTemplate {
    this.compilations++;
    return super.compile(input);
  }
}

describe('CompiledTemplateCache', () => {
  let compiler: CountingCompiler;
  let cache: CompiledTemplateCache;
  let loads: number;
  const load = async () => {
    loads++;
    return source;
  };

  beforeEach(() => {
    compiler = new CountingCompiler();
    cache = new CompiledTemplateCache(compiler);
    loads = 0;
  });

  it('should compile a version once when it is rendered many times', async () => {
    const ref = { templateId: 't1', version: 1 };
    const first = await cache.get(ref, load);
    await Promise.all(Array.from({ length: 10 }, () => cache.get(ref, load)));

    expect(compiler.compilations).toBe(1);
    expect(loads).toBe(1);
    expect(await cache.get(ref, load)).toBe(first);
  });

  it('should compile again when a new version of the same template is asked for', async () => {
    await cache.get({ templateId: 't1', version: 1 }, load);
    await cache.get({ templateId: 't1', version: 2 }, load);
    await cache.get({ templateId: 't1', version: 1 }, load);

    expect(compiler.compilations).toBe(2);
  });

  it('should forget a missing version when the load finds nothing', async () => {
    const ref = { templateId: 't1', version: 9 };
    expect(await cache.get(ref, async () => null)).toBeNull();
    expect(await cache.get(ref, load)).not.toBeNull();
    expect(compiler.compilations).toBe(1);
  });

  it('should drop the least recently used version when the cache is full', async () => {
    for (let v = 1; v <= COMPILED_TEMPLATE_CACHE_SIZE + 1; v++) await cache.get({ templateId: 't', version: v }, load);
    await cache.get({ templateId: 't', version: COMPILED_TEMPLATE_CACHE_SIZE + 1 }, load);
    await cache.get({ templateId: 't', version: 1 }, load);

    expect(compiler.compilations).toBe(COMPILED_TEMPLATE_CACHE_SIZE + 2);
  });
});
