import Handlebars from 'handlebars';
import { formatDutchDate } from './format-date';
import type { TemplateField } from './template-validator';

/**
 * Compile options for every template: unknown helpers are compile errors, only our two are added to the
 * built-ins (`lookup` and `log` are switched off), missing values print as nothing. The subject and the
 * plain-text part are text, not HTML, so they are not HTML-escaped; the HTML part always is. Prototype
 * access stays at Handlebars' safe default (never `allowProto…ByDefault`).
 */
export function compileOptions(field: TemplateField): CompileOptions {
  return {
    strict: false,
    knownHelpersOnly: true,
    knownHelpers: { eq: true, formatDate: true, lookup: false, log: false },
    noEscape: field !== 'html',
    preventIndent: true,
  };
}

/** The data every render passes (`options.data`): `formatDate` without an argument prints `now`. */
export interface RenderData {
  now: Date;
}

/** An isolated Handlebars environment: nothing registered on the global instance leaks in. */
export function createTemplateEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  env.unregisterHelper('lookup');
  env.unregisterHelper('log');
  env.registerHelper('eq', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as Handlebars.HelperOptions;
    const [a, b] = args;
    const equal = a === b || (a == null && b == null);
    if (typeof options.fn !== 'function') return equal;
    return equal ? options.fn(this) : options.inverse(this);
  });
  env.registerHelper('formatDate', (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions;
    const data = options.data as RenderData | undefined;
    return formatDutchDate(args.length > 0 ? args[0] : data?.now);
  });
  return env;
}
