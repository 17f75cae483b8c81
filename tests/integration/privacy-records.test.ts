import { readFileSync } from 'node:fs';
import pg from 'pg';
import { projectPath } from '@app/core';
import { createTestDatabase, TestDatabase } from '@app/testing';

/** The rows of one `## ` section of docs/privacy.md. */
function section(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) throw new Error(`docs/privacy.md has no section "${heading}"`);
  const end = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, end < 0 ? undefined : end).split('\n');
}

interface Classified {
  personal: Map<string, string[]>;
  other: string[];
}

function classified(markdown: string): Classified {
  const personal = new Map<string, string[]>();
  for (const line of section(markdown, 'Personal data (records of processing)')) {
    const match = /^\|\s*`([a-z_]+\.[a-z_]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (match)
      personal.set(
        match[1],
        match[2].split('|').map((cell) => cell.trim()),
      );
  }
  const other: string[] = [];
  for (const line of section(markdown, 'Columns without personal data')) {
    const match = /^- `([a-z_]+)`: (.+)$/.exec(line);
    if (match) other.push(...match[2].split(',').map((column) => `${match[1]}.${column.trim()}`));
  }
  return { personal, other };
}

/**
 * Column names that hold a person's identity or free text about people, whatever the table: they can
 * never be filed as not personal (a new `*_email` column or note field must be listed with its purpose).
 */
const PERSONAL_NAMES =
  /^(email|.*_email|phone|.*_phone|first_name|last_name|raw|.*_address|address|envelope_from|subject|summary|quote|reason|evidence|before|after|problem|file|last_error|result|title|in_reply_to)$/;

/** Columns with such a name that hold no person: the template's own subject, counts, our own reply address. */
const NOT_PERSONAL_AFTER_ALL = new Set([
  'template_versions.subject',
  'retention_runs.summary',
  'inbound_messages.envelope_to',
  'campaigns.skipped_no_email',
]);

describe('docs/privacy.md (records of processing)', () => {
  let database: TestDatabase;
  let columns: string[];
  let docs: Classified;

  beforeAll(async () => {
    database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.table_name || '.' || c.column_name AS name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
      );
      columns = rows.map((row) => row.name);
    } finally {
      await client.end();
    }
    docs = classified(readFileSync(projectPath('docs/privacy.md'), 'utf8'));
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('should classify every column of every table when the schema is migrated', () => {
    const documented = new Set([...docs.personal.keys(), ...docs.other]);

    expect(columns.filter((column) => !documented.has(column))).toEqual([]);
  });

  it('should list each column once and only real ones when docs/privacy.md is read', () => {
    const inBoth = docs.other.filter((column) => docs.personal.has(column));
    const all = [...docs.personal.keys(), ...docs.other];

    expect(inBoth).toEqual([]);
    expect(all.filter((column, index) => all.indexOf(column) !== index)).toEqual([]);
    expect(all.filter((column) => !columns.includes(column))).toEqual([]);
  });

  it('should give every personal column a purpose, a legal basis and a retention when docs/privacy.md is read', () => {
    const incomplete = [...docs.personal.entries()].filter(
      ([, cells]) => cells.length !== 3 || cells.some((cell) => cell === ''),
    );

    expect(incomplete.map(([column]) => column)).toEqual([]);
  });

  it('should file every column that may hold a person as personal when docs/privacy.md is read', () => {
    expect(
      docs.other.filter((column) => PERSONAL_NAMES.test(column.split('.')[1]) && !NOT_PERSONAL_AFTER_ALL.has(column)),
    ).toEqual([]);
  });
});
