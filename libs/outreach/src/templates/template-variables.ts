/**
 * What a template may use (api.md "Outreach"). A variable is a value, or a group of values that
 * `{{#with}}` and `{{#each}}` can enter. Nothing else reaches a template: the validator refuses any
 * other name, so no other property of the render context (or of its prototype) can ever be read.
 */
export type VariableNode = { kind: 'value' } | { kind: 'group'; fields: Readonly<Record<string, VariableNode>> };

const value: VariableNode = { kind: 'value' };
const group = (...names: string[]): VariableNode => ({
  kind: 'group',
  fields: Object.freeze(Object.assign(Object.create(null), Object.fromEntries(names.map((name) => [name, value])))),
});

export const TEMPLATE_VARIABLES: VariableNode = {
  kind: 'group',
  fields: Object.freeze(
    Object.assign(Object.create(null), {
      contact: group('firstName', 'lastName'),
      employer: group('name', 'city'),
      region: group('name'),
      sender: group('name', 'email', 'phone'),
      wsp: group('name', 'postalAddress'),
      unsubscribeUrl: value,
    }),
  ),
};

/** Every value a template can print, for error messages and the API docs. */
export const TEMPLATE_VARIABLE_NAMES: readonly string[] = Object.entries(
  (TEMPLATE_VARIABLES as { fields: Record<string, VariableNode> }).fields,
).flatMap(([name, node]) => (node.kind === 'value' ? [name] : Object.keys(node.fields).map((f) => `${name}.${f}`)));

/** Helpers: the four block helpers built into Handlebars plus our own two. */
export const TEMPLATE_HELPERS = ['if', 'unless', 'each', 'with', 'eq', 'formatDate'] as const;
export type TemplateHelper = (typeof TEMPLATE_HELPERS)[number];

/** The only partial: a usable success story for the contact's sector and region. */
export const STORY_PARTIAL = 'story';

/** The values behind the variables for one message; a missing value prints as nothing. */
export interface TemplateVariables {
  contact: { firstName: string | null; lastName: string | null };
  employer: { name: string | null; city: string | null };
  region: { name: string | null };
  sender: { name: string | null; email: string | null; phone: string | null };
  wsp: { name: string | null; postalAddress: string | null };
  unsubscribeUrl: string;
}
