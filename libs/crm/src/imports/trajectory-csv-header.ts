import { ImportFileError } from './import-file.error';
import {
  REQUIRED_TRAJECTORY_CSV_COLUMNS,
  TRAJECTORY_CSV_COLUMNS,
  TrajectoryCsvColumn,
  TrajectoryCsvRow,
} from './trajectory-csv-format';

const KNOWN = new Set<string>(TRAJECTORY_CSV_COLUMNS);

/** Reads the header row: known names only (any order, optional ones may be left out), each once. */
export function readTrajectoryCsvHeader(cells: string[]): TrajectoryCsvColumn[] {
  const names = cells.map((cell) => cell.trim());
  const problems: string[] = [];
  const unnamed = names.flatMap((name, index) => (name === '' ? [index + 1] : []));
  if (unnamed.length > 0) problems.push(`column ${unnamed.join(', ')} of the header has no name`);
  const unknown = names.filter((name) => name !== '' && !KNOWN.has(name));
  if (unknown.length > 0) problems.push(`unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}`);
  const duplicates = names.filter((name, index) => name !== '' && names.indexOf(name) !== index);
  if (duplicates.length > 0) problems.push(`column(s) ${[...new Set(duplicates)].join(', ')} appear more than once`);
  const missing = REQUIRED_TRAJECTORY_CSV_COLUMNS.filter((name) => !names.includes(name));
  if (missing.length > 0) problems.push(`missing required column(s) ${missing.join(', ')}`);
  if (problems.length > 0) {
    throw new ImportFileError(
      `The header row (line 1) is not usable: ${problems.join('; ')}. Expected columns: ${TRAJECTORY_CSV_COLUMNS.join(', ')}`,
    );
  }
  return names as TrajectoryCsvColumn[];
}

/** Maps a record's cells to column names; a row with a different number of cells cannot be trusted. */
export function trajectoryCsvRow(
  header: readonly TrajectoryCsvColumn[],
  cells: string[],
): { ok: true; row: TrajectoryCsvRow } | { ok: false; problem: string } {
  if (cells.length !== header.length) {
    return { ok: false, problem: `has ${cells.length} cells where the header has ${header.length}` };
  }
  const row: TrajectoryCsvRow = {};
  header.forEach((column, index) => (row[column] = cells[index]));
  return { ok: true, row };
}
