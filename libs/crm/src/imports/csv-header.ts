import { ImportFileError } from './import-file.error';

/**
 * Reads a header row: names must be among `columns` (surrounding spaces aside), in any order, each
 * once; optional columns may be left out, `required` ones may not. Anything else fails the import.
 */
export function readCsvHeader<C extends string>(cells: string[], columns: readonly C[], required: readonly C[]): C[] {
  const known = new Set<string>(columns);
  const names = cells.map((cell) => cell.trim());
  const problems: string[] = [];
  const unnamed = names.flatMap((name, index) => (name === '' ? [index + 1] : []));
  if (unnamed.length > 0) problems.push(`column ${unnamed.join(', ')} of the header has no name`);
  const unknown = names.filter((name) => name !== '' && !known.has(name));
  if (unknown.length > 0) problems.push(`unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}`);
  const duplicates = names.filter((name, index) => name !== '' && names.indexOf(name) !== index);
  if (duplicates.length > 0) problems.push(`column(s) ${[...new Set(duplicates)].join(', ')} appear more than once`);
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length > 0) problems.push(`missing required column(s) ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw new ImportFileError(
      `The header row (line 1) is not usable: ${problems.join('; ')}. Expected columns: ${columns.join(', ')}`,
    );
  }
  return names as C[];
}

export type CsvRowResult<C extends string> =
  { ok: true; row: Partial<Record<C, string>> } | { ok: false; problem: string };

/** Maps a record's cells to column names; a row with a different number of cells cannot be trusted. */
export function csvRow<C extends string>(header: readonly C[], cells: string[]): CsvRowResult<C> {
  if (cells.length !== header.length) {
    return { ok: false, problem: `has ${cells.length} cells where the header has ${header.length}` };
  }
  const row: Partial<Record<C, string>> = {};
  header.forEach((column, index) => (row[column] = cells[index]));
  return { ok: true, row };
}
