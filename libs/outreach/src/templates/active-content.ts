import { Parser } from 'htmlparser2';
import type { TemplateProblem } from './template-validator';

// Elements that run code, load another page or post a form: no e-mail needs them, and a mail client
// that honours one (or a web preview of the message) would run whatever a template author put there.
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'base']);
// The same tags found by text, as a second net for markup the tokenizer reads as text (inside <style>,
// <title>, comments) that a lenient mail client might still parse as a tag.
const ACTIVE_ELEMENT_TEXT = /<\s*(script|iframe|frame|frameset|object|embed|applet|form|base)\b/gi;
// Attributes whose value a browser follows or runs as a URL.
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'background', 'xlink:href']);
// Browsers drop ASCII whitespace and control characters inside a scheme (`java\tscript:`), so the check does too.
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;
const SCRIPT_SCHEME = /^(?:javascript:|vbscript:|data:text\/html)/i;

const PROBLEM = {
  handler: 'event-handler attributes (on…=) are not allowed in an e-mail (active content)',
  url: 'script URLs (javascript:, vbscript:, data:text/html) are not allowed in an e-mail',
  refresh: '<meta http-equiv="refresh"> is not allowed in an e-mail (active content)',
  element: (tag: string) => `<${tag}> is not allowed in an e-mail (active content)`,
};

/**
 * Active content in a template's HTML, each with its line (1-based). The markup is tokenised the way a
 * browser reads it (entities decoded, `/` between attributes, unquoted values), and checked twice: with
 * Handlebars expressions blanked to nothing (`on{{x}}error=` is a handler) and to a space
 * (`src=x{{v}}onerror=` may render as two attributes). Values themselves are always HTML-escaped when
 * rendered, so only the template's own markup can be active.
 */
export function activeContentProblems(html: string): TemplateProblem[] {
  const found = new Map<string, TemplateProblem>();
  for (const blank of ['', ' ']) {
    // Line breaks inside an expression stay, so every reported line matches the source.
    const markup = html.replace(/\{\{[\s\S]*?\}\}/g, (expression) => expression.replace(/[^\n]/g, '').concat(blank));
    for (const [index, problem] of scan(markup)) {
      const line = markup.slice(0, index).split('\n').length;
      found.set(`${line}\u0000${problem}`, { field: 'html', line, problem });
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

function scan(markup: string): Array<[number, string]> {
  const problems: Array<[number, string]> = [];
  let tagStart = 0;
  let tag = '';
  const parser = new Parser(
    {
      onopentagname(name) {
        tagStart = parser.startIndex;
        tag = name;
        if (ACTIVE_ELEMENTS.has(name)) problems.push([tagStart, PROBLEM.element(name)]);
      },
      onattribute(name, value) {
        if (/^on/i.test(name)) problems.push([tagStart, PROBLEM.handler]);
        else if (URL_ATTRIBUTES.has(name) && SCRIPT_SCHEME.test(value.replace(IGNORED_IN_SCHEME, '')))
          problems.push([tagStart, PROBLEM.url]);
        else if (tag === 'meta' && name === 'http-equiv' && value.trim().toLowerCase() === 'refresh')
          problems.push([tagStart, PROBLEM.refresh]);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(markup);
  for (const match of markup.matchAll(ACTIVE_ELEMENT_TEXT))
    problems.push([match.index, PROBLEM.element(match[1].toLowerCase())]);
  return problems;
}
