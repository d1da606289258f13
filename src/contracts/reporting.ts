import { z } from 'zod';
import { CalendarDate } from './referral-form.js';

// Numbers for boards and commissioners (issue 8): key performance indicators read from rollup
// tables, never from live case tables per view. Nothing in a response names or identifies a child:
// no names, references, record ids or dates of birth. `published` figures have disclosure control
// applied (domain/reporting/disclosure.ts); `operational` figures are exact, for authorised staff.

/** What a figure can be broken down by or filtered on (where recorded). */
export const reportDimensions = [
  'icb',
  'local-authority',
  'team',
  'school',
  'age-band',
  'gender',
  'ethnicity',
  'sen',
  'lgbt',
] as const;
export const ReportDimension = z.enum(reportDimensions);
export type ReportDimension = z.infer<typeof ReportDimension>;

export const ReportPeriodKind = z.enum(['month', 'quarter', 'year']);
export type ReportPeriodKind = z.infer<typeof ReportPeriodKind>;

export const ReportView = z.enum(['published', 'operational']);
export type ReportView = z.infer<typeof ReportView>;

/** Filters: the codes the breakdowns use (ICB and LA codes, team id, school URN, band codes). */
export const ReportFilters = z.object({
  icb: z.string().max(20).optional(),
  'local-authority': z.string().max(20).optional(),
  team: z.string().uuid().optional(),
  school: z.coerce.number().int().positive().optional(),
  'age-band': z.string().max(20).optional(),
  gender: z.string().max(40).optional(),
  ethnicity: z.string().max(4).optional(),
  sen: z.string().max(20).optional(),
  lgbt: z.string().max(20).optional(),
});
export type ReportFilters = z.infer<typeof ReportFilters>;

export const ReportQuery = ReportFilters.extend({
  period: ReportPeriodKind.default('quarter'),
  /** Any date in the period wanted; the last complete period when left out. */
  date: CalendarDate.optional(),
  view: ReportView.default('published'),
  /** One dimension to break every figure down by. */
  by: ReportDimension.optional(),
  /** Only these KPIs (comma-separated ids); all when left out. */
  kpis: z.string().max(500).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One figure as shown: `display` is what a person reads ("*" when suppressed). */
export const ReportFigure = z.object({
  kind: z.enum(['count', 'percentage', 'median', 'mean', 'days', 'minutes', 'suppressed', 'none']),
  /** Null when suppressed or when there is nothing to show. */
  value: z.number().nullable(),
  display: z.string(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportPeriod = z.object({
  kind: ReportPeriodKind,
  start: CalendarDate,
  /** The last day in the period (inclusive). */
  end: CalendarDate,
  /** "October to December 2026", "November 2026", "2026". */
  label: z.string(),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

export const KpiResult = z.object({
  id: z.string(),
  title: z.string(),
  /** The part of the system it comes from, for grouping on the dashboard. */
  area: z.enum(['front-door', 'waiting', 'access', 'outcomes', 'online', 'schools']),
  definition: z.object({
    numerator: z.string(),
    denominator: z.string().nullable(),
    filters: z.string(),
    source: z.object({ name: z.string(), url: z.string().nullable() }),
  }),
  target: z
    .object({ value: z.number(), direction: z.enum(['at-least', 'at-most']), text: z.string() })
    .nullable(),
  current: ReportFigure,
  previous: ReportFigure,
  /** Against the previous period; null when either side is suppressed or missing. */
  change: z.object({ display: z.string(), direction: z.enum(['up', 'down', 'same']) }).nullable(),
  rag: z.enum(['red', 'amber', 'green']).nullable(),
  /** A plain-English sentence about this figure. */
  headline: z.string(),
  breakdown: z
    .object({
      dimension: ReportDimension,
      rows: z.array(z.object({ key: z.string(), label: z.string(), value: ReportFigure })),
    })
    .nullable(),
  /** The figure over recent periods, oldest first, for a chart. */
  series: z.array(z.object({ start: CalendarDate, label: z.string(), value: ReportFigure })),
});
export type KpiResult = z.infer<typeof KpiResult>;

export const Report = z.object({
  view: ReportView,
  period: ReportPeriod,
  previousPeriod: ReportPeriod,
  filters: ReportFilters,
  /** Labels for the filters chosen, and the choices each filter offers. */
  choices: z.array(
    z.object({
      dimension: ReportDimension,
      label: z.string(),
      options: z.array(z.object({ key: z.string(), label: z.string() })),
    }),
  ),
  /** When the rollup tables were last brought up to date (ISO time), null before the first run. */
  rolledUpAt: z.string().nullable(),
  /** The headline sentences for the report, most important first. */
  headlines: z.array(z.string()),
  kpis: z.array(KpiResult),
});
export type Report = z.infer<typeof Report>;
