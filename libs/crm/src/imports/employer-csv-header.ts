import { csvRow, CsvRowResult, readCsvHeader } from './csv-header';
import { EMPLOYER_CSV_COLUMNS, EmployerCsvColumn, REQUIRED_EMPLOYER_CSV_COLUMNS } from './employer-csv-format';

/** Reads the employer header row (rules in `readCsvHeader`): names from EMPLOYER_CSV_COLUMNS only. */
export function readEmployerCsvHeader(cells: string[]): EmployerCsvColumn[] {
  return readCsvHeader(cells, EMPLOYER_CSV_COLUMNS, REQUIRED_EMPLOYER_CSV_COLUMNS);
}

/** Maps a record's cells to employer column names; a row with a different number of cells cannot be trusted. */
export function employerCsvRow(header: readonly EmployerCsvColumn[], cells: string[]): CsvRowResult<EmployerCsvColumn> {
  return csvRow(header, cells);
}
