import { type CsvValue, csvRow } from '../csv-format.js';
import type { CodeList } from './codes.js';
import { standingWords, type TableDefinition } from './table-definition.js';
import {
  careActivityTable,
  careContactTable,
  dropInTable,
  groupSessionTable,
  scoreActivityTable,
  scoreReferralTable,
} from './tables-activity.js';
import { onwardReferralTable, otherServiceTable, personTable, referralTable } from './tables-referral.js';

/** The tables of the MHSDS-shaped export, in MHSDS order (DOMAIN.md "National reporting"). */
export const mhsdsTables = [
  personTable,
  referralTable,
  otherServiceTable,
  onwardReferralTable,
  careContactTable,
  careActivityTable,
  groupSessionTable,
  dropInTable,
  scoreReferralTable,
  scoreActivityTable,
] as const;

export type MhsdsTable = (typeof mhsdsTables)[number];
export type MhsdsTableName = MhsdsTable['name'];
export const mhsdsTableNames = mhsdsTables.map((t) => t.name) as [MhsdsTableName, ...MhsdsTableName[]];

export function isMhsdsTableName(name: string): name is MhsdsTableName {
  return (mhsdsTableNames as string[]).includes(name);
}

/** The CSV header record: the column names, nothing else (no comment line before it). */
export function headerLine<Row>(table: TableDefinition<Row>): string {
  return csvRow(table.columns.map((c) => c.name));
}

/** CSV records for rows of a table, in column order. */
export function rowLines<Row>(table: TableDefinition<Row>, rows: readonly Row[]): string {
  return rows.map((row) => csvRow(table.columns.map((c): CsvValue => c.value(row)))).join('');
}

export const dictionaryHeader = [
  'Table',
  'Column',
  'Standing',
  'Meaning',
  'Source in Lantern',
  'Code list',
  'Codes',
  'Notes',
] as const;

const codesText = (list: CodeList) =>
  [...list.entries, ...(list.notRecorded ? [{ ...list.notRecorded, lantern: '(not recorded)' }] : [])]
    .map(
      (e) => `${e.code} = ${e.meaning}${e.lantern && e.lantern !== e.code ? ` [Lantern: ${e.lantern}]` : ''}`,
    )
    .join('; ');

/** The data dictionary, one record per column, made from the same definitions as the CSV files. */
export function dictionaryRows(): string[][] {
  const rows: string[][] = [];
  for (const table of mhsdsTables) {
    const columns = table.columns as TableDefinition<unknown>['columns'];
    for (const column of columns) {
      rows.push([
        table.name,
        column.name,
        standingWords[column.standing],
        column.meaning,
        column.source,
        column.codes
          ? `${column.codes.title} (${column.codes.standing === 'national' ? 'national' : 'Lantern local'}; ${column.codes.source})`
          : '',
        column.codes ? codesText(column.codes) : '',
        [table.rows && column === columns[0] ? `Rows: ${table.rows}` : '', column.notes ?? '']
          .filter(Boolean)
          .join(' '),
      ]);
    }
  }
  return rows;
}

/** The whole dictionary as CSV: header, one record per column. */
export function dictionaryCsv(): string {
  return csvRow(dictionaryHeader) + dictionaryRows().map(csvRow).join('');
}
