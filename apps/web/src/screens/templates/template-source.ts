import type { ProblemDetail } from '../../api/client';
import type { SourceField } from './template-model';

/** `value` with `insert` in place of the selection [start, end), and where the cursor goes after it. */
export function insertAt(
  value: string,
  insert: string,
  start: number,
  end: number = start,
): { value: string; cursor: number } {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + insert + value.slice(to), cursor: from + insert.length };
}

/** Where line `line` (1-based) starts and ends in `value`, for selecting it in a textarea. */
export function lineRange(value: string, line: number): { start: number; end: number } {
  const lines = value.split('\n');
  const index = Math.max(0, Math.min(line, lines.length) - 1);
  const start = lines.slice(0, index).reduce((sum, text) => sum + text.length + 1, 0);
  return { start, end: start + lines[index].length };
}

export interface SourceProblem {
  field: SourceField | null;
  line: number;
  problem: string;
}

/** The problems of a 422 `template.invalid` that have a line, in field then line order. */
export function sourceProblems(details: readonly ProblemDetail[]): SourceProblem[] {
  const order: Record<string, number> = { subject: 0, html: 1, text: 2 };
  return details
    .filter((detail) => detail.line !== undefined)
    .map((detail): SourceProblem => ({
      field: isSourceField(detail.field) ? detail.field : null,
      line: detail.line!,
      problem: templateProblemText(detail.problem),
    }))
    .sort((a, b) => (order[a.field ?? ''] ?? 3) - (order[b.field ?? ''] ?? 3) || a.line - b.line);
}

function isSourceField(field: string | undefined): field is SourceField {
  return field === 'subject' || field === 'html' || field === 'text';
}

// The validator's English wordings (libs/outreach templates: template-validator, active-content) in Dutch.
const PATTERNS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^unknown variable "(.+)"$/, (m) => `onbekende variabele "${m[1]}"`],
  [/^"(.+)" is not a variable$/, (m) => `"${m[1]}" is geen variabele`],
  [/^unknown helper "(.+)"$/, (m) => `onbekende helper "${m[1]}"`],
  [/^unknown block helper "(.+?)"/, (m) => `onbekende blokhelper "${m[1]}" (toegestaan: if, unless, each, with, eq)`],
  [/^unknown partial/, () => 'onbekend onderdeel (alleen {{> story}} bestaat)'],
  [/^raw output/, () => 'ruwe uitvoer ({{{ }}} of {{& }}) is niet toegestaan: elke waarde wordt ge-escaped'],
  [/^\{\{> story\}\} cannot be used in the subject/, () => '{{> story}} kan niet in het onderwerp'],
  [/^\{\{> story\}\} takes no arguments/, () => '{{> story}} heeft geen argumenten'],
  [/^does not compile: (.*)$/s, (m) => `klopt niet: ${m[1]}`],
  [/^<(.+)> is not allowed in an e-mail/, (m) => `<${m[1]}> is niet toegestaan in een e-mail (actieve inhoud)`],
  [/^event-handler attributes/, () => 'on…=-attributen zijn niet toegestaan in een e-mail (actieve inhoud)'],
  [/^script URLs/, () => 'script-links (javascript:, vbscript:, data:text/html) zijn niet toegestaan in een e-mail'],
];

/**
 * A template problem in Dutch. The api client already wrapped an unknown English wording as
 * "is ongeldig (…)"; the validator's own wordings are unwrapped and translated here.
 */
export function templateProblemText(problem: string): string {
  const english = problem.match(/^is ongeldig \((.*)\)$/s)?.[1] ?? problem;
  for (const [pattern, dutch] of PATTERNS) {
    const match = english.match(pattern);
    if (match) return dutch(match);
  }
  return english;
}
