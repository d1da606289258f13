import { londonDate } from '../../people/child-details.js';
import type { CsvValue } from '../csv-format.js';
import type { CodeList } from './codes.js';

/**
 * How one table of the MHSDS-shaped export is defined: its columns, each with the MHSDS data item
 * name used as the CSV header, what it means, where Lantern gets it, its code list and notes. The
 * CSV files and the data dictionary are both made from these definitions, so they cannot disagree.
 */

export type ColumnStanding = 'mhsds' | 'mhsds-unchecked' | 'lantern';

export const standingWords: Record<ColumnStanding, string> = {
  mhsds: 'MHSDS data item',
  'mhsds-unchecked': 'MHSDS-style name: check it against the MHSDS Technical Output Specification',
  lantern: 'Lantern addition: not an MHSDS data item',
};

export interface ColumnDefinition<Row> {
  /** The CSV header: the MHSDS short name, or a name starting `Lantern` for Lantern's additions. */
  name: string;
  standing: ColumnStanding;
  meaning: string;
  /** Where the value comes from in Lantern, in words. */
  source: string;
  codes?: CodeList;
  notes?: string;
  value: (row: Row) => CsvValue;
}

export interface TableDefinition<Row, Name extends string = string> {
  name: Name;
  title: string;
  /** What one row is, and which rows the period selects. */
  rows: string;
  columns: readonly ColumnDefinition<Row>[];
}

/** Keeps each table's row type while the tables sit in one list. */
export function defineTable<Row, Name extends string>(
  table: TableDefinition<Row, Name>,
): TableDefinition<Row, Name> {
  return table;
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The London calendar date of an instant, YYYY-MM-DD (empty when there is none). */
export function dateOf(at: Date | null): string {
  return at ? londonDate(at) : '';
}

/** The London wall-clock time of an instant, HH:MM:SS. */
export function timeOf(at: Date): string {
  return londonClock.format(at);
}

/** The London local date and time, YYYY-MM-DDTHH:MM:SS (MHSDS timestamps are local times). */
export function timestampOf(at: Date): string {
  return `${dateOf(at)}T${timeOf(at)}`;
}
