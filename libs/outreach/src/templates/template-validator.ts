import Handlebars from 'handlebars';
import { compileOptions } from './template-environment';
import {
  STORY_PARTIAL,
  TEMPLATE_HELPERS,
  TEMPLATE_VARIABLES,
  TemplateHelper,
  VariableNode,
} from './template-variables';

export type TemplateField = 'subject' | 'html' | 'text';

/** One reason a template cannot be saved, with the line it is on (1-based, within its field). */
export interface TemplateProblem {
  field: TemplateField;
  line: number;
  problem: string;
}

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

interface Scope {
  node: VariableNode;
  blockParams: Map<string, VariableNode>;
  inEach: boolean;
}

const EACH_DATA = new Set(['index', 'key', 'first', 'last']);
const HELPERS = new Set<string>(TEMPLATE_HELPERS);

/**
 * Checks one field of a template before it is stored: it must parse, and the syntax tree may hold only
 * the documented variables, helpers and `{{> story}}` — no raw output, decorators, partial blocks or
 * other partials. Every problem is reported with its line; the subject cannot take the story partial.
 */
export function validateTemplate(field: TemplateField, source: string): TemplateProblem[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    return [{ field, line: errorLine(error), problem: `does not compile: ${parserMessage(error)}` }];
  }
  const walker = new TemplateWalker(field);
  walker.program(program, [{ node: TEMPLATE_VARIABLES, blockParams: new Map(), inEach: false }]);
  if (walker.problems.length > 0) return walker.problems.sort((a, b) => a.line - b.line);
  try {
    // The compiler's own checks (e.g. known helpers only) on the exact options used to render.
    Handlebars.create().precompile(source, compileOptions(field));
  } catch (error) {
    return [{ field, line: errorLine(error), problem: `does not compile: ${parserMessage(error)}` }];
  }
  return [];
}

class TemplateWalker {
  readonly problems: TemplateProblem[] = [];

  constructor(private readonly field: TemplateField) {}

  program(program: hbs.AST.Program | undefined, stack: Scope[]): void {
    for (const statement of program?.body ?? []) this.statement(statement, stack);
  }

  private statement(statement: hbs.AST.Statement, stack: Scope[]): void {
    switch (statement.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(statement as hbs.AST.MustacheStatement, stack);
      case 'BlockStatement':
        return this.block(statement as hbs.AST.BlockStatement, stack);
      case 'PartialStatement':
        return this.partial(statement as hbs.AST.PartialStatement);
      case 'PartialBlockStatement':
        return this.report(statement, 'partial blocks ({{#> …}}) are not allowed; use {{> story}}');
      case 'Decorator':
      case 'DecoratorBlock':
        return this.report(statement, 'decorators and inline partials ({{* …}}) are not allowed');
      default:
        return this.report(statement, `"${statement.type}" is not allowed`);
    }
  }

  private mustache(mustache: hbs.AST.MustacheStatement, stack: Scope[]): void {
    if (!mustache.escaped) {
      this.report(mustache, 'raw output ({{{ }}} or {{& }}) is not allowed: every value is HTML-escaped');
    }
    const helper = helperOf(mustache.path);
    if (helper) return this.helperCall(helper, mustache, stack, 'inline');
    if (mustache.path.type !== 'PathExpression') {
      return this.report(mustache, `"${literalText(mustache.path)}" is not a variable`);
    }
    const path = mustache.path as hbs.AST.PathExpression;
    if (mustache.params.length > 0 || hasHash(mustache))
      return this.report(mustache, `unknown helper "${path.original}"`);
    const node = this.resolve(path, stack);
    if (node?.kind === 'group') {
      this.report(
        path,
        `"${path.original}" is a group of variables, not a value (e.g. use ${examples(path.original)})`,
      );
    }
  }

  private block(block: hbs.AST.BlockStatement, stack: Scope[]): void {
    const helper = helperOf(block.path);
    if (!('open' in (block.openStrip ?? {}))) {
      this.report(block, 'raw blocks ({{{{ }}}}) are not allowed');
    }
    if (!helper) {
      this.report(block, `unknown block helper "${block.path.original}" (allowed: if, unless, each, with, eq)`);
      this.program(block.program, stack);
      this.program(block.inverse, stack);
      return;
    }
    this.helperCall(helper, block, stack, 'block');
    const inner = this.innerScope(helper, block, stack);
    this.program(block.program, inner);
    // `{{else}}` runs in the outer context for every helper.
    this.program(block.inverse, stack);
  }

  private partial(partial: hbs.AST.PartialStatement): void {
    const name = partial.name.type === 'PathExpression' ? (partial.name as hbs.AST.PathExpression).original : null;
    if (name !== STORY_PARTIAL) {
      return this.report(partial, `unknown partial "${name ?? '(dynamic)'}" (only {{> story}} exists)`);
    }
    if (partial.params.length > 0 || hasHash(partial)) this.report(partial, '{{> story}} takes no arguments');
    if (this.field === 'subject') this.report(partial, '{{> story}} cannot be used in the subject');
  }

  private helperCall(
    helper: TemplateHelper,
    call: { params: Expression[]; hash?: hbs.AST.Hash; loc: hbs.AST.SourceLocation; type: string },
    stack: Scope[],
    form: 'inline' | 'block' | 'sub',
  ): void {
    const node = call as Node;
    const blockOnly = helper === 'if' || helper === 'unless' || helper === 'each' || helper === 'with';
    if (blockOnly && form !== 'block')
      return this.report(node, `"${helper}" must be used as a block: {{#${helper} …}}`);
    if (helper === 'formatDate' && form === 'block') return this.report(node, '"formatDate" cannot be a block');
    if (hasHash(call)) this.report(node, `"${helper}" takes no key=value arguments`);
    const [min, max] = helper === 'eq' ? [2, 2] : helper === 'formatDate' ? [0, 1] : [1, 1];
    if (call.params.length < min || call.params.length > max) {
      const wanted = min === max ? `${min}` : `${min} or ${max}`;
      this.report(node, `"${helper}" takes ${wanted} argument${max === 1 ? '' : 's'}, got ${call.params.length}`);
    }
    call.params.forEach((param) => this.expression(param, stack));
  }

  private innerScope(helper: TemplateHelper, block: hbs.AST.BlockStatement, stack: Scope[]): Scope[] {
    const names = block.program?.blockParams ?? [];
    if (helper !== 'each' && helper !== 'with') {
      if (names.length > 0) this.report(block, `"${helper}" has no block parameters`);
      return stack;
    }
    const target = block.params[0];
    if (!target) return stack;
    const isPath = target.type === 'PathExpression';
    const node = isPath ? this.peek(target as hbs.AST.PathExpression, stack) : null;
    if (isPath && node === null) return stack; // already reported as an unknown variable
    const values = node?.kind === 'group' && Object.values(node.fields).every((f) => f.kind === 'value');
    if (node?.kind !== 'group' || (helper === 'each' && !values)) {
      this.report(block, `"${helper}" needs a group of values such as contact or employer`);
      return stack;
    }
    const element: VariableNode = helper === 'with' ? node : { kind: 'value' };
    const max = helper === 'with' ? 1 : 2;
    if (names.length > max) this.report(block, `"${helper}" takes at most ${max} block parameter(s)`);
    const blockParams = new Map<string, VariableNode>();
    if (names[0]) blockParams.set(names[0], element);
    if (names[1]) blockParams.set(names[1], { kind: 'value' });
    const scope = { node: element, blockParams, inEach: helper === 'each' || stack[stack.length - 1].inEach };
    return [...stack, scope];
  }

  private expression(expression: Expression, stack: Scope[]): void {
    if (expression.type === 'PathExpression') {
      this.resolve(expression as hbs.AST.PathExpression, stack);
    } else if (expression.type === 'SubExpression') {
      const sub = expression as hbs.AST.SubExpression;
      const helper = helperOf(sub.path);
      if (helper) this.helperCall(helper, sub, stack, 'sub');
      else this.report(sub, `unknown helper "${sub.path.original}"`);
    }
    // String, number, boolean, null and undefined literals are always fine as arguments.
  }

  /** The node a path names, reporting an unknown variable (with its line) when there is none. */
  private resolve(path: hbs.AST.PathExpression, stack: Scope[]): VariableNode | null {
    const node = this.peek(path, stack);
    if (!node) this.report(path, `unknown variable "${path.original}"`);
    return node;
  }

  private peek(path: hbs.AST.PathExpression, stack: Scope[]): VariableNode | null {
    const top = stack[stack.length - 1];
    if (path.data) {
      if (path.parts[0] === 'root' && path.depth === 0) return walk(stack[0].node, path.parts.slice(1));
      const known = path.depth === 0 && path.parts.length === 1 && EACH_DATA.has(path.parts[0]);
      return known && top.inEach ? { kind: 'value' } : null;
    }
    const scoped = /^(this\b|\.)/.test(path.original);
    if (path.depth === 0 && !scoped && path.parts.length > 0) {
      for (let i = stack.length - 1; i >= 0; i--) {
        const param = stack[i].blockParams.get(path.parts[0]);
        if (param) return walk(param, path.parts.slice(1));
      }
    }
    const scope = stack[stack.length - 1 - path.depth];
    return scope ? walk(scope.node, path.parts) : null;
  }

  private report(node: Node, problem: string): void {
    this.problems.push({ field: this.field, line: node.loc?.start.line ?? 1, problem });
  }
}

function walk(start: VariableNode, parts: string[]): VariableNode | null {
  let node: VariableNode | undefined = start;
  for (const part of parts) {
    if (node.kind !== 'group' || !Object.prototype.hasOwnProperty.call(node.fields, part)) return null;
    node = node.fields[part];
  }
  return node ?? null;
}

/** A bare helper name (`{{#if}}`, `(eq …)`), not a path that merely starts with one. */
function helperOf(path: hbs.AST.PathExpression | hbs.AST.Literal): TemplateHelper | null {
  if (path.type !== 'PathExpression') return null;
  const p = path as hbs.AST.PathExpression;
  const simple = !p.data && p.depth === 0 && p.parts.length === 1 && p.original === p.parts[0];
  return simple && HELPERS.has(p.parts[0]) ? (p.parts[0] as TemplateHelper) : null;
}

function hasHash(node: { hash?: hbs.AST.Hash }): boolean {
  return (node.hash?.pairs.length ?? 0) > 0;
}

function literalText(literal: hbs.AST.Literal): string {
  return String((literal as { original?: unknown }).original ?? literal.type);
}

function examples(group: string): string {
  const node = walk(
    TEMPLATE_VARIABLES,
    group
      .replace(/^this\.?/, '')
      .split('.')
      .filter(Boolean),
  );
  return node?.kind === 'group' ? `${group}.${Object.keys(node.fields)[0]}` : 'a single value';
}

/** Handlebars puts the line in `lineNumber` (compiler) or in the message (parser: "Parse error on line 3"). */
function errorLine(error: unknown): number {
  const { lineNumber, message } = error as { lineNumber?: number; message?: string };
  if (typeof lineNumber === 'number' && lineNumber > 0) return lineNumber;
  const match = /on line (\d+)/.exec(message ?? '');
  return match ? Number(match[1]) : 1;
}

function parserMessage(error: unknown): string {
  const message = String((error as { message?: string }).message ?? error);
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  // The parser's message is "Parse error on line N:", the source excerpt, a caret line and the expectation.
  const last = lines.length > 1 ? lines[lines.length - 1] : (lines[0] ?? '');
  return last.replace(/ - \d+:\d+$/, '').trim();
}
