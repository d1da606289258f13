import { z } from 'zod';
import { linkStatuses, MAX_LINK_DAYS, MIN_LINK_DAYS } from '../domain/measures/links.js';

// Questionnaires (ADR 0015, 0018): instrument definitions, answer links, answers and scores.

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });
const Respondent = z.enum(['self', 'parent', 'clinician']);
const LinkRespondent = z.enum(['self', 'parent'], { error: 'must be self or parent' });
const ReliableChangeOut = z.enum(['reliable-improvement', 'reliable-deterioration', 'no-reliable-change']);

export const InstrumentSummary = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  version: z.string(),
  kind: z.enum(['questionnaire', 'goals']),
  respondents: z.array(Respondent),
  /** Questionnaire items; 0 for goal-based measures, whose goals are the young person's own. */
  itemCount: z.number().int(),
  maxGoals: z.number().int().nullable(),
  attribution: z.string(),
  isLicensed: z.boolean(),
  instructions: z.string().nullable(),
  /** The items and answers, for entering answers in a session. */
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      options: z.array(z.object({ value: z.number(), label: z.string() })),
    }),
  ),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummary>;
export const Instruments = z.object({ items: z.array(InstrumentSummary) });
export type Instruments = z.infer<typeof Instruments>;

export const LoadedInstrument = z.object({
  id: z.string(),
  instrumentId: z.string(),
  version: z.string(),
  name: z.string(),
  itemCount: z.number().int(),
  attribution: z.string(),
  loadedAt: z.string(),
  loadedBy: z.string(),
  withdrawnAt: z.string().nullable(),
  /** The version new questionnaires use: the latest loaded and not withdrawn. */
  isCurrent: z.boolean(),
});
export type LoadedInstrument = z.infer<typeof LoadedInstrument>;
export const LoadedInstruments = z.object({ items: z.array(LoadedInstrument) });
export type LoadedInstruments = z.infer<typeof LoadedInstruments>;

/** The definition file as JSON; checked in full by parseInstrument, which names every problem. */
export const LoadInstrumentInput = z.record(z.string(), z.unknown(), {
  error: 'must be an instrument definition (a JSON object)',
});
export const InstrumentLoaded = z.object({
  id: z.string(),
  instrumentId: z.string(),
  version: z.string(),
  /** The earlier version this one replaces for new questionnaires, if any. */
  supersedes: z.string().nullable(),
});
export type InstrumentLoaded = z.infer<typeof InstrumentLoaded>;

export const CreateLinkInput = z.object({
  instrumentId: z.string().min(1, 'choose a questionnaire').max(100),
  respondent: LinkRespondent,
  contactId: z.string().uuid('must be an appointment id').optional(),
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(MIN_LINK_DAYS, `must be from ${MIN_LINK_DAYS} to ${MAX_LINK_DAYS} days`)
    .max(MAX_LINK_DAYS, `must be from ${MIN_LINK_DAYS} to ${MAX_LINK_DAYS} days`),
  send: z.boolean(),
});
export type CreateLinkInput = z.infer<typeof CreateLinkInput>;

export const LinkCreated = z.object({
  id: z.string(),
  version: z.number().int(),
  /** Shown once: the whole path with the secret. Only its SHA-256 is kept. */
  path: z.string(),
  expiresAt: z.string(),
  /** How the link was sent, in words ("by text message to the young person"), or null if not sent. */
  sentText: z.string().nullable(),
});
export type LinkCreated = z.infer<typeof LinkCreated>;

export const LinkOut = z.object({
  id: z.string(),
  version: z.number().int(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  respondent: LinkRespondent,
  status: z.enum(linkStatuses),
  statusText: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});
export type LinkOut = z.infer<typeof LinkOut>;
export const Links = z.object({ items: z.array(LinkOut) });
export type Links = z.infer<typeof Links>;
export const LinkChanged = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(linkStatuses),
});
export type LinkChanged = z.infer<typeof LinkChanged>;

/** What anyone holding a link sees: the questionnaire, nothing about the young person. */
export const PublicQuestionnaire = z.object({
  title: z.string(),
  instructions: z.string().nullable(),
  /** "you" for the young person, "your child" for a parent or carer. */
  forWhom: z.enum(['you', 'your child']),
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      options: z.array(z.object({ value: z.number(), label: z.string() })),
    }),
  ),
  attribution: z.string(),
});
export type PublicQuestionnaire = z.infer<typeof PublicQuestionnaire>;

export const AnswerInput = z.object({
  answers: z.record(z.string().max(100), z.number({ error: 'must be one of the answers' })),
});
export type AnswerInput = z.infer<typeof AnswerInput>;
export const Answered = z.object({
  /** Progress on this questionnaire in plain words, for the person who answered. */
  progress: z.string(),
  isFirst: z.boolean(),
});
export type Answered = z.infer<typeof Answered>;

const GoalInput = z.object({
  goalId: z.enum(['goal-1', 'goal-2', 'goal-3']),
  text: z.string().trim().min(3, 'write the goal in the young person’s words').max(300),
  rating: z.number().int('must be a whole number from 0 to 10').min(0).max(10),
});
export const RecordMeasureInput = z
  .object({
    instrumentId: z.string().min(1, 'choose a questionnaire').max(100),
    respondent: Respondent,
    completedAt: isoDateTime,
    /** Item id → answer value, for questionnaires. */
    answers: z.record(z.string().max(100), z.number()).default({}),
    /** Goal Based Outcomes: up to three goals, each rated 0 to 10. */
    goals: z.array(GoalInput).max(3, 'at most 3 goals').default([]),
    contactId: z.string().uuid('must be an appointment id').optional(),
  })
  .refine((m) => new Set(m.goals.map((g) => g.goalId)).size === m.goals.length, {
    path: ['goals'],
    message: 'each goal may be rated once',
  });
export type RecordMeasureInput = z.infer<typeof RecordMeasureInput>;
export const MeasureRecorded = z.object({
  id: z.string(),
  total: z.number().nullable(),
  band: z.string().nullable(),
});
export type MeasureRecorded = z.infer<typeof MeasureRecorded>;

export const MeasurePoint = z.object({
  id: z.string(),
  completedAt: z.string(),
  total: z.number().nullable(),
  band: z.string().nullable(),
  via: z.enum(['link', 'in-session']),
  instrumentVersion: z.string(),
});
export const MeasureSeriesOut = z.object({
  instrumentId: z.string(),
  respondent: Respondent,
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(['questionnaire', 'goals']),
  direction: z.enum(['higher-is-worse', 'higher-is-better']).nullable(),
  headline: z.string(),
  points: z.array(MeasurePoint),
  first: z.number().nullable(),
  last: z.number().nullable(),
  change: z.number().nullable(),
  reliableChange: ReliableChangeOut.nullable(),
  reliableChangeText: z.string().nullable(),
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  bands: z.array(z.object({ min: z.number(), label: z.string() })),
  goals: z.array(
    z.object({
      goalId: z.string(),
      text: z.string(),
      points: z.array(z.object({ completedAt: z.string(), rating: z.number() })),
      change: z.number().nullable(),
      reliableChange: ReliableChangeOut.nullable(),
    }),
  ),
});
export type MeasureSeriesOut = z.infer<typeof MeasureSeriesOut>;
export const Measures = z.object({
  series: z.array(MeasureSeriesOut),
  contactsAttended: z.number().int(),
  paired: z.object({
    overall: z.enum(['improved', 'deteriorated', 'no-reliable-change', 'not-paired']),
    overallText: z.string(),
    measures: z.array(
      z.object({
        instrumentId: z.string(),
        respondent: Respondent,
        uses: z.number().int(),
        verdict: z.enum([
          'reliable-improvement',
          'reliable-deterioration',
          'no-reliable-change',
          'not-paired',
        ]),
        reason: z.string().nullable(),
      }),
    ),
  }),
});
export type Measures = z.infer<typeof Measures>;
