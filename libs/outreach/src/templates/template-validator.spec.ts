import { validateTemplate } from './template-validator';

const problemsOf = (source: string, field: 'subject' | 'html' | 'text' = 'html') => validateTemplate(field, source);

describe('validateTemplate', () => {
  describe('allowed constructs', () => {
    it.each([
      [
        'every documented variable',
        '{{contact.firstName}} {{contact.lastName}} {{employer.name}} {{employer.city}} {{region.name}} {{sender.name}} {{sender.email}} {{sender.phone}} {{wsp.name}} {{wsp.postalAddress}} {{unsubscribeUrl}}',
      ],
      [
        'if / else if / unless',
        '{{#if contact.firstName}}Beste {{contact.firstName}}{{else if employer.name}}Beste {{employer.name}}{{else}}Goedendag{{/if}}{{#unless employer.city}}-{{/unless}}',
      ],
      ['with and a parent path', '{{#with contact}}{{firstName}} {{this.lastName}} van {{../employer.name}}{{/with}}'],
      ['with a block parameter', '{{#with employer as |e|}}{{e.name}} in {{e.city}}{{/with}}'],
      [
        'each over a group with @key and block params',
        '{{#each sender as |value key|}}{{key}}: {{value}} {{@index}} {{@key}}{{this}}{{/each}}',
      ],
      [
        'eq as a sub-expression and as a block',
        '{{#if (eq employer.city "Utrecht")}}U{{/if}}{{#eq region.name "Amsterdam"}}A{{else}}B{{/eq}}',
      ],
      ['formatDate with and without an argument', '{{formatDate}} {{formatDate "2027-04-27"}}'],
      ['the story partial, comments and whitespace control', '{{!-- intro --}}\n{{> story}}\n{{~contact.firstName~}}'],
      ['@root paths', '{{#with contact}}{{@root.employer.name}}{{/with}}'],
    ])('should accept %s', (_name, source) => {
      expect(problemsOf(source)).toEqual([]);
    });

    it('should accept plain text with variables in the subject when it has no partial', () => {
      expect(problemsOf('Samen praktijkleren, {{contact.firstName}}?', 'subject')).toEqual([]);
    });
  });

  describe('refusals, each with its line', () => {
    it('should name an unknown variable and its line when the path is not documented', () => {
      expect(problemsOf('<p>Beste</p>\n\n{{contact.email}}')).toEqual([
        { field: 'html', line: 3, problem: 'unknown variable "contact.email"' },
      ]);
    });

    it('should refuse prototype properties as unknown variables when a template reaches for them', () => {
      const problems = problemsOf('{{constructor}}\n{{contact.__proto__}}\n{{employer.constructor.name}}');
      expect(problems.map((p) => [p.line, p.problem])).toEqual([
        [1, 'unknown variable "constructor"'],
        [2, 'unknown variable "contact.__proto__"'],
        [3, 'unknown variable "employer.constructor.name"'],
      ]);
    });

    it('should name an unknown helper and its line when one is called', () => {
      expect(problemsOf('x\n{{uppercase contact.firstName}}')).toEqual([
        { field: 'html', line: 2, problem: 'unknown helper "uppercase"' },
      ]);
      expect(problemsOf('{{#if (lookup contact "firstName")}}x{{/if}}')[0]).toMatchObject({
        line: 1,
        problem: 'unknown helper "lookup"',
      });
      expect(problemsOf('\n{{#list contact}}x{{/list}}')[0]).toMatchObject({
        line: 2,
        problem: expect.stringContaining('"list"'),
      });
      expect(problemsOf('{{log "x"}}')[0].problem).toBe('unknown helper "log"');
    });

    it('should refuse raw output when a template uses triple braces or {{& }}', () => {
      expect(problemsOf('a\nb\n{{{contact.firstName}}}')).toEqual([
        { field: 'html', line: 3, problem: expect.stringContaining('raw output') },
      ]);
      expect(problemsOf('{{& employer.name}}')[0]).toMatchObject({
        line: 1,
        problem: expect.stringContaining('raw output'),
      });
      expect(problemsOf('{{{{raw}}}} {{x}} {{{{/raw}}}}')[0].problem).toContain('raw blocks');
    });

    it('should report the parser line when the template does not compile', () => {
      const [problem] = problemsOf('<p>een</p>\n<p>twee {{contact.firstName</p>');
      expect(problem).toMatchObject({ field: 'html', line: 2, problem: expect.stringMatching(/^does not compile/) });
    });

    it('should report the line of a mismatched block when its close tag differs', () => {
      expect(problemsOf('x\n{{#if contact.firstName}}\n{{/unless}}')[0]).toMatchObject({
        line: 2,
        problem: expect.stringContaining("if doesn't match unless"),
      });
    });

    it('should refuse an unknown partial, partial blocks, dynamic partials and decorators', () => {
      expect(problemsOf('\n{{> footer}}')[0]).toEqual({
        field: 'html',
        line: 2,
        problem: 'unknown partial "footer" (only {{> story}} exists)',
      });
      expect(problemsOf('{{#> story}}x{{/story}}')[0].problem).toContain('partial blocks');
      expect(problemsOf('{{> (lookup . "story")}}')[0].problem).toContain('unknown partial');
      expect(problemsOf('{{> story employer}}')[0].problem).toBe('{{> story}} takes no arguments');
      expect(problemsOf('{{#*inline "x"}}y{{/inline}}')[0].problem).toContain('decorators');
      expect(problemsOf('{{* decorate}}')[0].problem).toContain('decorators');
    });

    it('should refuse the story partial when it is in the subject', () => {
      expect(problemsOf('Hallo {{> story}}', 'subject')).toEqual([
        { field: 'subject', line: 1, problem: '{{> story}} cannot be used in the subject' },
      ]);
    });

    it('should refuse wrong use of the allowed helpers when arity or form is off', () => {
      expect(problemsOf('{{if contact.firstName}}')[0].problem).toContain('must be used as a block');
      expect(problemsOf('{{#if}}x{{/if}}')[0].problem).toContain('takes 1 argument');
      expect(problemsOf('{{#if (eq contact.firstName)}}x{{/if}}')[0].problem).toContain('"eq" takes 2 arguments');
      expect(problemsOf('{{formatDate "2027-01-01" format="yyyy"}}')[0].problem).toContain('key=value');
      expect(problemsOf('{{#with contact.firstName}}x{{/with}}')[0].problem).toContain('needs a group');
      expect(problemsOf('{{#each this}}x{{/each}}')[0].problem).toContain('needs a group');
    });

    it('should refuse printing a group or a path that does not exist in the current scope', () => {
      expect(problemsOf('{{contact}}')[0].problem).toContain('is a group of variables');
      expect(problemsOf('{{#with contact}}{{employer.name}}{{/with}}')[0].problem).toBe(
        'unknown variable "employer.name"',
      );
      expect(problemsOf('{{../contact.firstName}}')[0].problem).toBe('unknown variable "../contact.firstName"');
      expect(problemsOf('{{@index}}')[0].problem).toBe('unknown variable "@index"');
    });

    it('should report every problem sorted by line when there are several', () => {
      const problems = problemsOf('{{{employer.name}}}\n{{foo}}\n{{> other}}');
      expect(problems.map((p) => p.line)).toEqual([1, 2, 3]);
    });
  });
});
