import { z } from 'zod';

/**
 * An outcome measure as data (DOMAIN.md "Outcome measures", issue 6).
 *
 * Lantern ships only the free instruments (see shipped.ts). Licensed ones (RCADS, SDQ, YP-CORE,
 * ORS and the like) are loaded from a definition file the organisation provides under its own
 * licence, so the shape here is also the published contract: `instrumentJsonSchema()` gives the
 * JSON Schema an organisation can validate its file against before uploading it.
 *
 * Checks that Zod cannot express (unique ids, subscales naming real items, bands that fit the
 * possible total) live in load-instrument.ts; always load untrusted files through
 * `parseInstrument`, never through this schema alone.
 */

export const respondents = ['self', 'parent', 'clinician'] as const;
export type Respondent = (typeof respondents)[number];

export const directions = ['higher-is-worse', 'higher-is-better'] as const;
export type Direction = (typeof directions)[number];

const text = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

export const Licence = z.object({
  /** What the organisation may and may not do with the instrument, in plain words. */
  note: text('the licence note'),
  /** Who to credit wherever the instrument is shown. */
  attribution: text('the attribution'),
});

export const AnswerOption = z.object({
  value: z.number(),
  label: text('an answer label'),
});

export const Item = z.object({
  id: text('an item id'),
  text: text('the item text'),
  options: z.array(AnswerOption).min(2, 'must have at least 2 answer options'),
});

export const Subscale = z.object({
  id: text('a subscale id'),
  name: text('a subscale name'),
  itemIds: z.array(z.string()).min(1, 'must name at least 1 item'),
  /** Reliable change on this subscale's total, when the instrument publishes one. */
  reliableChange: z.number().positive('must be more than 0').optional(),
});

/** A band starts at `min` and runs up to the next band's `min` (or the highest possible total). */
export const Band = z.object({
  min: z.number(),
  label: text('a band label'),
});

const common = {
  id: text('the instrument id'),
  name: text('the instrument name'),
  version: text('the version'),
  licence: Licence,
  /** Who may complete it: the young person (self), a parent or carer, or a clinician. */
  respondents: z
    .array(z.enum(respondents))
    .min(1, 'must name at least 1 respondent (self, parent or clinician)'),
  /** The stem shown above the items, such as "Over the last 2 weeks, how often...". */
  instructions: z.string().optional(),
};

export const QuestionnaireDefinition = z.object({
  kind: z.literal('questionnaire'),
  ...common,
  items: z.array(Item).min(1, 'must have at least 1 item'),
  scoring: z.object({
    /** The total is always the sum of the item values; no instrument here is pro-rated. */
    total: z.literal('sum'),
    subscales: z.array(Subscale).default([]),
    /** Ordered lowest first; may be empty when the instrument publishes no bands for its total. */
    bands: z.array(Band).default([]),
    /** The smallest change in the total that is more than measurement error. */
    reliableChange: z.number().positive('must be more than 0'),
    direction: z.enum(directions),
  }),
});

/**
 * Goal-based measures (GBO): up to three goals in the young person's own words, each rated 0–10.
 * The goals are written per young person, so the definition holds only the rules, not the items.
 */
export const GoalsDefinition = z.object({
  kind: z.literal('goals'),
  ...common,
  maxGoals: z.number().int().min(1, 'must allow at least 1 goal').max(3, 'must allow at most 3 goals'),
  rating: z.object({ min: z.literal(0), max: z.literal(10) }),
  /** Applied to the mean rating across the goals. */
  reliableChange: z.number().positive('must be more than 0'),
  direction: z.literal('higher-is-better'),
});

export const InstrumentDefinition = z.discriminatedUnion('kind', [QuestionnaireDefinition, GoalsDefinition]);

export type QuestionnaireInstrument = z.infer<typeof QuestionnaireDefinition>;
export type GoalsInstrument = z.infer<typeof GoalsDefinition>;
export type Instrument = z.infer<typeof InstrumentDefinition>;
export type InstrumentItem = z.infer<typeof Item>;

/** The lowest and highest possible totals: the sum of each item's lowest and highest option. */
export function totalRange(instrument: QuestionnaireInstrument): { min: number; max: number } {
  return rangeOf(instrument.items);
}

/** The lowest and highest possible totals of a set of items. */
export function rangeOf(items: readonly InstrumentItem[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const item of items) {
    const values = item.options.map((o) => o.value);
    min += Math.min(...values);
    max += Math.max(...values);
  }
  return { min, max };
}

/**
 * The JSON Schema organisations validate licensed definition files against. It describes the
 * file as written (the input), so fields with defaults are optional in it.
 */
export function instrumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(InstrumentDefinition, { io: 'input' }) as Record<string, unknown>;
}
