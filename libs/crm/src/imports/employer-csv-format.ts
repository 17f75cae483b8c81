/**
 * The employer CSV that export writes and import reads (api.md "Import and export"): one row per
 * contact, an employer without contacts as one row with empty contact cells.
 */
export const EMPLOYER_CSV_COLUMNS = [
  'name',
  'kvkNumber',
  'regionCode',
  'sbiCode',
  'sbiVersion',
  'sizeClass',
  'postcode',
  'city',
  'website',
  'tags',
  'contactFirstName',
  'contactLastName',
  'contactEmail',
  'contactPhone',
  'contactRole',
  'contactEmailBasis',
  'contactEmailBasisSource',
] as const;

export type EmployerCsvColumn = (typeof EMPLOYER_CSV_COLUMNS)[number];
export type EmployerCsvRow = Partial<Record<EmployerCsvColumn, string>>;

export const REQUIRED_EMPLOYER_CSV_COLUMNS: readonly EmployerCsvColumn[] = ['name', 'kvkNumber', 'regionCode'];

/** Export joins tags with this; import splits on comma, semicolon or bar. */
export const TAG_JOINER = ', ';
export const TAG_SPLITTER = /[,;|]/;

// Spreadsheet programs run cells starting with these as formulas (CSV injection). Cells that already
// start with apostrophes before such a character get one more, so restoring is always exact.
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;

/** Neutralises a cell a spreadsheet would run as a formula by prefixing an apostrophe. */
export function neutraliseFormula(cell: string): string {
  return NEEDS_PREFIX.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutraliseFormula`, so an exported file imports back unchanged. */
export function restoreFormula(cell: string): string {
  return PREFIXED.test(cell) ? cell.slice(1) : cell;
}
