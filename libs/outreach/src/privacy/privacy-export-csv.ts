import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@app/crm';
import { PersonExport } from './data-subject.types';

type Value = unknown;

/**
 * The export as one long CSV (`section,item,field,value`): a row per field of every record, so any
 * spreadsheet opens it whatever the sections hold. Objects (audit before/after) are JSON in one cell;
 * no cell can run as a formula.
 */
export function personExportCsv(data: PersonExport): string {
  const rows: string[][] = [];
  const add = (section: string, item: number, record: Record<string, Value>) => {
    for (const [field, value] of Object.entries(record)) rows.push([section, String(item), field, cell(value)]);
  };
  add('export', 1, { exportedAt: data.exportedAt });
  add('contact', 1, data.contact);
  add('privacy', 1, data.privacy);
  const lists: [string, Record<string, Value>[]][] = [
    ['emailBasisHistory', data.emailBasisHistory],
    ['enrolments', data.enrolments],
    ['sentMessages', data.sentMessages],
    ['inboundMessages', data.inboundMessages],
    ['activities', data.activities],
    ['suppressions', data.suppressions],
    ['auditLog', data.auditLog],
  ];
  for (const [section, records] of lists) records.forEach((record, index) => add(section, index + 1, record));
  return stringify([['section', 'item', 'field', 'value'], ...rows.map((row) => row.map(neutraliseFormula))]);
}

function cell(value: Value): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number | boolean);
}
