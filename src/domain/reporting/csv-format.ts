/**
 * CSV writing for every download (RFC 4180): fields separated by commas, records ended by
 * CRLF, and a field quoted (with its quotes doubled) when it holds a comma, a quote, CR or LF.
 *
 * A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
 * gets a leading apostrophe first, so opening the file can never run what someone typed into a
 * record (OWASP "CSV injection"). Numbers are written as numbers: they are never formulas.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, guarded against formulas and quoted when RFC 4180 needs it. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return String(value);
  }
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record, ended by CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
