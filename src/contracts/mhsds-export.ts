import { z } from 'zod';
import { mhsdsTableNames } from '../domain/reporting/mhsds/tables.js';
import { CalendarDate } from './referral-form.js';

// The MHSDS-shaped export's API (GET /api/exports/mhsds…). The period travels in the query string:
// dates only, never personal data. The list answers row counts; the CSV files are the record-level part.

export const MhsdsExportQuery = z.object({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type MhsdsExportQuery = z.infer<typeof MhsdsExportQuery>;

export const MhsdsTableParams = z.object({ table: z.string().max(60) });

export const MhsdsExportList = z.object({
  from: z.string(),
  to: z.string(),
  /** Always shown with the export: it is not an accredited submission. */
  notice: z.string(),
  tables: z.array(
    z.object({
      name: z.enum(mhsdsTableNames),
      title: z.string(),
      rows: z.number().int().nonnegative(),
      /** The CSV file's address, with the period. */
      href: z.string(),
    }),
  ),
  dictionaryHref: z.string(),
});
export type MhsdsExportList = z.infer<typeof MhsdsExportList>;

export const MHSDS_NOTICE =
  'This is not an accredited MHSDS submission. It holds record-level data: keep it inside your organisation’s secure systems.';
