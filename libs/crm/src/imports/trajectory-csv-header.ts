import { csvRow, CsvRowResult, readCsvHeader } from './csv-header';
import { REQUIRED_TRAJECTORY_CSV_COLUMNS, TRAJECTORY_CSV_COLUMNS, TrajectoryCsvColumn } from './trajectory-csv-format';

/** Reads the trajectory header row (rules in `readCsvHeader`): names from TRAJECTORY_CSV_COLUMNS only. */
export function readTrajectoryCsvHeader(cells: string[]): TrajectoryCsvColumn[] {
  return readCsvHeader(cells, TRAJECTORY_CSV_COLUMNS, REQUIRED_TRAJECTORY_CSV_COLUMNS);
}

/** Maps a record's cells to trajectory column names; a row with a different number of cells cannot be trusted. */
export function trajectoryCsvRow(
  header: readonly TrajectoryCsvColumn[],
  cells: string[],
): CsvRowResult<TrajectoryCsvColumn> {
  return csvRow(header, cells);
}
