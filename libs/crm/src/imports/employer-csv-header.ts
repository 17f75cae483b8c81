import {
  EMPLOYER_CSV_COLUMNS,
  EmployerCsvColumn,
  EmployerCsvRow,
  REQUIRED_EMPLOYER_CSV_COLUMNS,
} from './employer-csv-format';
import { ImportFileError } from './import-file.error';

const KNOWN = new Set<string>(EMPLOYER_CSV_COLUMNS);

/**
 * Reads the header row: names must match EMPLOYER_CSV_COLUMNS exactly (surrounding spaces aside),
 * in any order; optional columns may be left out. Anything else fails the whole import.
 */
export function readEmployerCsvHeader(cells: string[]): EmployerCsvColumn[] {
  const names = cells.map((cell) => cell.trim());
  const problems: string[] = [];
  const unnamed = names.flatMap((name, index) => (name === '' ? [index + 1] : []));
  if (unnamed.length > 0) problems.push(`column ${unnamed.join(', ')} of the header has no name`);
  const unknown = names.filter((name) => name !== '' && !KNOWN.has(name));
  if (unknown.length > 0) problems.push(`unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}`);
  const duplicates = names.filter((name, index) => name !== '' && names.indexOf(name) !== index);
  if (duplicates.length > 0) problems.push(`column(s) ${[...new Set(duplicates)].join(', ')} appear more than once`);
  const missing = REQUIRED_EMPLOYER_CSV_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) problems.push(`missing required column(s) ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw new ImportFileError(
      `The header row (line 1) is not usable: ${problems.join('; ')}. Expected columns: ${EMPLOYER_CSV_COLUMNS.join(', ')}`,
    );
  }
  return names as EmployerCsvColumn[];
}

/** Maps a record's cells to column names; a row with a different number of cells cannot be trusted. */
export function employerCsvRow(
  header: readonly EmployerCsvColumn[],
  cells: string[],
): { ok: true; row: EmployerCsvRow } | { ok: false; problem: string } {
  if (cells.length !== header.length) {
    return { ok: false, problem: `has ${cells.length} cells where the header has ${header.length}` };
  }
  const row: EmployerCsvRow = {};
  header.forEach((column, index) => (row[column] = cells[index]));
  return { ok: true, row };
}
