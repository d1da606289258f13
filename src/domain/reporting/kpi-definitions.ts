import { type KpiResult, type ReportDimension, reportDimensions } from '../../contracts/reporting.js';

/**
 * The key performance indicators, as data (issue 8 point 1). Each says in plain words what it
 * counts, where the definition comes from, its target if the area has one, which breakdowns make
 * sense, and how it is worked out from the measures the rollup jobs keep (see
 * services/reporting/rollup.ts for the measures). The order is the order of importance.
 *
 * Targets marked "Lantern local measure" are defaults an area is expected to agree with its board;
 * national definitions are cited where one exists.
 */

export type KpiArea = KpiResult['area'];

/** How a figure is worked out from rollup measures. */
export type KpiCompute =
  /** A count of events in the period (or a snapshot at its end when `snapshot`). */
  | { kind: 'count'; measure: string; snapshot?: boolean }
  /** Numerator measure over denominator measure, as a percentage. `numeratorKey` picks one value of a dimension. */
  | {
      kind: 'rate';
      numerator: string;
      denominator: string;
      numeratorKey?: { dimension: ReportDimension; key: string };
      snapshot?: boolean;
    }
  /** The median or a percentile of a distribution measure (one bucket per whole day or minute). */
  | { kind: 'median' | 'p90' | 'max'; distribution: string; snapshot?: boolean }
  /** The mean of a distribution measure whose buckets are values times `scale` (hundredths: 100). */
  | { kind: 'mean'; distribution: string; scale: number };

export interface KpiTarget {
  value: number;
  direction: 'at-least' | 'at-most';
  /** Amber when missed by no more than this. */
  amberMargin: number;
}

export interface KpiDefinition {
  id: string;
  title: string;
  area: KpiArea;
  numerator: string;
  denominator: string | null;
  filters: string;
  source: { name: string; url: string | null };
  target: KpiTarget | null;
  /** What one of the figure is: 'referrals', 'percent', 'days', 'minutes'... */
  unit: string;
  breakdowns: readonly ReportDimension[];
  compute: KpiCompute;
  /**
   * The headline sentence: `{value}` is the figure as shown, `{period}` the period. Sentences
   * with `joinTo` become a clause of that KPI's sentence in the report's headlines.
   */
  headline: string;
  joinTo?: string;
  isHeadline?: boolean;
}

const MHSDS = {
  name: 'NHS England Mental Health Services Data Set (MHSDS) monthly statistics',
  url: 'https://digital.nhs.uk/data-and-information/publications/statistical/mental-health-services-monthly-statistics',
};
const LOCAL = { name: 'Lantern local measure', url: null };
const FOUR_WEEKS = {
  name: 'NHS England proposed four-week waiting time standard for children and young people',
  url: null,
};

const everything: readonly ReportDimension[] = reportDimensions;
const places: readonly ReportDimension[] = ['icb', 'local-authority', 'team', 'school'];
const online: readonly ReportDimension[] = ['age-band', 'gender'];

const sources = [
  ['school', 'schools', 'Referrals from schools'],
  ['gp', 'GPs', 'Referrals from GPs'],
  ['parent', 'parents and carers', 'Referrals from parents and carers'],
  ['self', 'young people themselves', 'Self-referrals'],
  ['professional', 'other professionals', 'Referrals from other professionals'],
] as const;

export const kpiDefinitions: readonly KpiDefinition[] = [
  {
    id: 'referrals-received',
    title: 'Referrals received',
    area: 'front-door',
    numerator: 'Referrals received in the period (the day the request for help arrived)',
    denominator: null,
    filters: 'Every referral to the front door, whoever made it',
    source: { ...MHSDS, name: `${MHSDS.name}: referrals (MHS101 ReferralRequestReceivedDate)` },
    target: null,
    unit: 'referrals',
    breakdowns: everything,
    compute: { kind: 'count', measure: 'referrals' },
    headline: '{value} referrals were received {period}',
    isHeadline: true,
  },
  ...sources.map(
    ([code, who, title]): KpiDefinition => ({
      id: `referrals-from-${code}`,
      title,
      area: 'front-door',
      numerator: `Referrals received in the period made by ${who}`,
      denominator: 'Referrals received in the period',
      filters: 'Every referral to the front door',
      source: { ...MHSDS, name: `${MHSDS.name}: source of referral (SourceOfReferralMH)` },
      target: null,
      unit: 'percent',
      breakdowns: everything,
      compute: { kind: 'rate', numerator: `referrals-source-${code}`, denominator: 'referrals' },
      headline: `{value} of referrals came from ${who}`,
      joinTo: code === 'school' || code === 'self' ? 'referrals-received' : undefined,
    }),
  ),
  {
    id: 'urgent-referrals',
    title: 'Referrals marked urgent at intake',
    area: 'front-door',
    numerator: 'Referrals received in the period marked urgent by the referrer',
    denominator: 'Referrals received in the period',
    filters: 'Every referral to the front door',
    source: { name: 'Lantern local measure: help arriving only at crisis point (Hartlepool)', url: null },
    target: null,
    unit: 'percent',
    breakdowns: everything,
    compute: { kind: 'rate', numerator: 'referrals-urgent', denominator: 'referrals' },
    headline: '{value} of referrals were marked urgent when they arrived {period}',
    isHeadline: true,
  },
  {
    id: 'inappropriate-referrals',
    title: 'Inappropriate referral rate',
    area: 'front-door',
    numerator: 'Referrals declined at triage as not for this service, decided in the period',
    denominator: 'Referrals triaged in the period (accepted, signposted or declined)',
    filters: 'The first decision that closed triage; a decision later corrected does not count',
    source: {
      name: 'Lantern local measure: fewer inappropriate referrals (Rotherham, Hartlepool)',
      url: null,
    },
    target: { value: 20, direction: 'at-most', amberMargin: 5 },
    unit: 'percent',
    breakdowns: everything,
    compute: { kind: 'rate', numerator: 'referrals-declined', denominator: 'referrals-triaged' },
    headline: '{value} of referrals triaged were declined as not for this service {period}',
    isHeadline: true,
  },
  {
    id: 'children-seen',
    title: 'Children and young people with one or more attended contacts',
    area: 'access',
    numerator: 'Children and young people with at least one attended contact in the period',
    denominator: null,
    filters: 'Attended on time or late but seen; did-not-attend and cancellations do not count',
    source: { ...MHSDS, name: `${MHSDS.name}: CYP access, one contact (MHS95)` },
    target: null,
    unit: 'children and young people',
    breakdowns: everything,
    compute: { kind: 'count', measure: 'children-seen' },
    headline: '{value} children and young people were seen at least once {period}',
    isHeadline: true,
  },
  {
    id: 'children-seen-twice',
    title: 'Children and young people with two or more attended contacts',
    area: 'access',
    numerator: 'Children and young people with at least two attended contacts in the period',
    denominator: null,
    filters: 'Attended on time or late but seen; did-not-attend and cancellations do not count',
    source: { ...MHSDS, name: `${MHSDS.name}: CYP access, two contacts (MHS69)` },
    target: null,
    unit: 'children and young people',
    breakdowns: everything,
    compute: { kind: 'count', measure: 'children-seen-twice' },
    headline: '{value} were seen twice or more',
    joinTo: 'children-seen',
  },
  {
    id: 'started-within-four-weeks',
    title: 'Help started within four weeks',
    area: 'waiting',
    numerator: 'Referrals whose first attended contact in the period came within 28 days of the referral',
    denominator: 'Referrals whose first attended contact was in the period',
    filters: 'First-contact view: London calendar days from referral received to first attended contact',
    source: FOUR_WEEKS,
    target: { value: 80, direction: 'at-least', amberMargin: 10 },
    unit: 'percent',
    breakdowns: everything,
    compute: { kind: 'rate', numerator: 'first-contacts-within-4-weeks', denominator: 'first-contacts' },
    headline: '{value} of young people who started help {period} started within four weeks',
    isHeadline: true,
  },
  {
    id: 'median-wait-first-contact',
    title: 'Median wait to first contact',
    area: 'waiting',
    numerator: 'The middle wait, in days, of referrals whose first attended contact was in the period',
    denominator: null,
    filters: 'First-contact view; withheld for fewer than 8 young people in the published view',
    source: FOUR_WEEKS,
    target: { value: 28, direction: 'at-most', amberMargin: 7 },
    unit: 'days',
    breakdowns: everything,
    compute: { kind: 'median', distribution: 'wait-first-contact' },
    headline: 'half waited {value} or fewer',
    joinTo: 'started-within-four-weeks',
  },
  {
    id: 'p90-wait-first-contact',
    title: '90th percentile wait to first contact',
    area: 'waiting',
    numerator: 'The wait, in days, that 9 in 10 referrals seen first in the period did not exceed',
    denominator: null,
    filters: 'First-contact view; withheld for fewer than 8 young people in the published view',
    source: FOUR_WEEKS,
    target: null,
    unit: 'days',
    breakdowns: everything,
    compute: { kind: 'p90', distribution: 'wait-first-contact' },
    headline: '9 in 10 young people who started help {period} waited {value} or fewer',
  },
  {
    id: 'clock-stop-within-four-weeks',
    title: 'Clock stopped within four weeks',
    area: 'waiting',
    numerator: 'Referrals whose waiting clock stopped in the period within 28 days of the referral',
    denominator: 'Referrals whose waiting clock stopped in the period',
    filters:
      'Clock-stop view: the clock stops when an assessment, a care plan, an intervention and a baseline outcome measure are all recorded',
    source: { name: 'NHS England referral spells and clock stops (from September 2024)', url: null },
    target: { value: 80, direction: 'at-least', amberMargin: 10 },
    unit: 'percent',
    breakdowns: everything,
    compute: { kind: 'rate', numerator: 'clock-stops-within-4-weeks', denominator: 'clock-stops' },
    headline: '{value} of waiting clocks that stopped {period} stopped within four weeks',
  },
  {
    id: 'median-wait-clock-stop',
    title: 'Median wait to clock stop',
    area: 'waiting',
    numerator: 'The middle wait, in days, of referrals whose clock stopped in the period',
    denominator: null,
    filters: 'Clock-stop view; withheld for fewer than 8 young people in the published view',
    source: { name: 'NHS England referral spells and clock stops (from September 2024)', url: null },
    target: null,
    unit: 'days',
    breakdowns: everything,
    compute: { kind: 'median', distribution: 'wait-clock-stop' },
    headline: 'Half of the waiting clocks that stopped {period} stopped within {value}',
  },
  {
    id: 'p90-wait-clock-stop',
    title: '90th percentile wait to clock stop',
    area: 'waiting',
    numerator: 'The wait, in days, that 9 in 10 clocks stopped in the period did not exceed',
    denominator: null,
    filters: 'Clock-stop view; withheld for fewer than 8 young people in the published view',
    source: { name: 'NHS England referral spells and clock stops (from September 2024)', url: null },
    target: null,
    unit: 'days',
    breakdowns: everything,
    compute: { kind: 'p90', distribution: 'wait-clock-stop' },
    headline: '9 in 10 waiting clocks that stopped {period} stopped within {value}',
  },
  {
    id: 'waiting-list',
    title: 'Waiting list at the end of the period',
    area: 'waiting',
    numerator:
      'Referrals received and not yet seen at the end of the period (or now, for the period in progress)',
    denominator: null,
    filters: 'Not yet seen: no attended contact; declined and signposted referrals have left the list',
    source: LOCAL,
    target: null,
    unit: 'referrals',
    breakdowns: everything,
    compute: { kind: 'count', measure: 'waiting-list', snapshot: true },
    headline: '{value} young people were waiting to be seen at the end of {periodLabel}',
    isHeadline: true,
  },
  {
    id: 'longest-wait',
    title: 'Longest wait on the list',
    area: 'waiting',
    numerator: 'Days the longest-waiting referral on the list had waited at the end of the period',
    denominator: null,
    filters: 'Withheld for a list of fewer than 8 young people in the published view',
    source: LOCAL,
    target: null,
    unit: 'days',
    breakdowns: everything,
    compute: { kind: 'max', distribution: 'waiting-list-longest', snapshot: true },
    headline: 'the longest had waited {value}',
    joinTo: 'waiting-list',
  },
  {
    id: 'outcomes-paired',
    title: 'Closed episodes with a paired score',
    area: 'outcomes',
    numerator:
      'Episodes of care closed in the period with a paired score: at least 2 attended contacts and a measure used at least twice by the same rater, first and last compared',
    denominator: 'Episodes of care closed in the period (discharged, stepped up or stepped down)',
    filters:
      'Contacts and questionnaires up to the day the episode closed; the paired-score rule of domain/measures/paired.ts',
    source: {
      name: 'NHS England children and young people’s mental health outcomes: paired scores',
      url: null,
    },
    target: null,
    unit: 'percent',
    breakdowns: everything,
    compute: { kind: 'rate', numerator: 'outcomes-paired', denominator: 'outcomes-closed' },
    headline: '{value} of episodes of care closed {period} had a paired score',
    isHeadline: true,
  },
  {
    id: 'outcomes-improved',
    title: 'Reliable improvement',
    area: 'outcomes',
    numerator:
      'Closed episodes with a paired score where at least one measure improved reliably and none deteriorated reliably',
    denominator: 'Episodes of care closed in the period with a paired score',
    filters: 'Reliable change values from each instrument’s definition; first and last use compared',
    source: {
      name: 'NHS England children and young people’s mental health outcomes: paired scores',
      url: null,
    },
    target: null,
    unit: 'percent',
    breakdowns: everything,
    compute: { kind: 'rate', numerator: 'outcomes-improved', denominator: 'outcomes-paired' },
    headline: '{value} of those improved reliably',
    joinTo: 'outcomes-paired',
  },
  {
    id: 'outcomes-deteriorated',
    title: 'Reliable deterioration',
    area: 'outcomes',
    numerator: 'Closed episodes with a paired score where any measure deteriorated reliably',
    denominator: 'Episodes of care closed in the period with a paired score',
    filters: 'Reliable change values from each instrument’s definition; first and last use compared',
    source: {
      name: 'NHS England children and young people’s mental health outcomes: paired scores',
      url: null,
    },
    target: null,
    unit: 'percent',
    breakdowns: everything,
    compute: { kind: 'rate', numerator: 'outcomes-deteriorated', denominator: 'outcomes-paired' },
    headline: '{value} deteriorated reliably',
    joinTo: 'outcomes-paired',
  },
  {
    id: 'online-young-people',
    title: 'Young people using online support',
    area: 'online',
    numerator: 'Young people who had a chat or sent a message in the period',
    denominator: null,
    filters: 'Online support usage, as on the usage page (domain/online/usage.ts)',
    source: LOCAL,
    target: null,
    unit: 'young people',
    breakdowns: online,
    compute: { kind: 'count', measure: 'online-young-people' },
    headline: '{value} young people used the online service {period}',
    isHeadline: true,
  },
  {
    id: 'online-female',
    title: 'Online support: share who were female',
    area: 'online',
    numerator: 'Young people using online support in the period who said they were a girl',
    denominator: 'Young people using online support in the period',
    filters: 'Gender as the young person gave it at sign-up',
    source: LOCAL,
    target: null,
    unit: 'percent',
    breakdowns: ['age-band'],
    compute: {
      kind: 'rate',
      numerator: 'online-young-people',
      denominator: 'online-young-people',
      numeratorKey: { dimension: 'gender', key: 'female' },
    },
    headline: '{value} were female',
    joinTo: 'online-young-people',
  },
  {
    id: 'online-chats',
    title: 'Online chats',
    area: 'online',
    numerator: 'Chats with a counsellor (drop-in or booked) started in the period',
    denominator: null,
    filters: 'Chats a counsellor took; leaving the queue does not count',
    source: LOCAL,
    target: null,
    unit: 'chats',
    breakdowns: online,
    compute: { kind: 'count', measure: 'online-chats' },
    headline: '{value} chats with a counsellor took place {period}',
  },
  {
    id: 'online-evenings-weekends',
    title: 'Online chats on evenings and weekends',
    area: 'online',
    numerator: 'Chats started on a weekday before 09:00 or from 17:00, or at a weekend (London time)',
    denominator: 'Chats with a counsellor in the period',
    filters: 'The usage page’s definition (isEveningOrWeekend)',
    source: LOCAL,
    target: null,
    unit: 'percent',
    breakdowns: online,
    compute: { kind: 'rate', numerator: 'online-chats-evening-weekend', denominator: 'online-chats' },
    headline: '{value} of use was on evenings and weekends',
    joinTo: 'online-young-people',
  },
  {
    id: 'online-median-wait',
    title: 'Median wait for a drop-in chat',
    area: 'online',
    numerator: 'The middle wait, in minutes, from joining the drop-in queue to a counsellor taking the chat',
    denominator: null,
    filters: 'Drop-in chats taken in the period',
    source: LOCAL,
    target: null,
    unit: 'minutes',
    breakdowns: online,
    compute: { kind: 'median', distribution: 'online-wait' },
    headline: 'Half of drop-in chats {period} were taken within {value}',
  },
  {
    id: 'online-p90-wait',
    title: '90th percentile wait for a drop-in chat',
    area: 'online',
    numerator:
      'The wait, in minutes, that 9 in 10 drop-in chats taken in the period did not exceed (joining the queue to a counsellor taking the chat)',
    denominator: null,
    filters: 'Drop-in chats taken in the period; withheld for fewer than 8 chats in the published view',
    source: LOCAL,
    target: null,
    unit: 'minutes',
    breakdowns: online,
    compute: { kind: 'p90', distribution: 'online-wait' },
    headline: '9 in 10 drop-in chats {period} were taken within {value}',
  },
  {
    id: 'mhst-schools',
    title: 'Schools covered by a Mental Health Support Team',
    area: 'schools',
    numerator: 'Schools and colleges a Mental Health Support Team works in',
    denominator: null,
    filters: 'As recorded now in the teams’ school lists (no history is kept of earlier lists)',
    source: { name: 'NHS England Mental Health Support Teams programme', url: null },
    target: null,
    unit: 'schools',
    breakdowns: places,
    compute: { kind: 'count', measure: 'schools-covered', snapshot: true },
    headline: '{value} schools and colleges had a Mental Health Support Team at the end of {periodLabel}',
    isHeadline: true,
  },
  {
    id: 'mhst-pupils',
    title: 'Pupils covered by a Mental Health Support Team',
    area: 'schools',
    numerator: 'Pupils on the roll of the schools a Mental Health Support Team works in',
    denominator: null,
    filters: 'Pupil numbers as recorded for each school',
    source: { name: 'NHS England Mental Health Support Teams programme', url: null },
    target: null,
    unit: 'pupils',
    breakdowns: places,
    compute: { kind: 'count', measure: 'pupils-covered', snapshot: true },
    headline: 'with {value} pupils',
    joinTo: 'mhst-schools',
  },
  {
    id: 'school-confidence-change',
    title: 'Change in school staff confidence',
    area: 'schools',
    numerator:
      'For each school, the change in mean confidence (1 to 5) from its first to its latest staff confidence survey; the mean over schools whose latest survey closed in the period',
    denominator: 'Schools with two or more surveys with results (8 or more answers each)',
    filters:
      'Surveys closed; a survey with fewer than 8 answers has no results and is left out (domain/schools/confidence-survey.ts); withheld for fewer than 8 schools in the published view',
    source: { name: 'NHS England Mental Health Support Teams programme: staff confidence', url: null },
    target: null,
    unit: 'points',
    breakdowns: places,
    compute: { kind: 'mean', distribution: 'school-confidence-change', scale: 100 },
    headline:
      'On average, school staff confidence was {value} in schools surveyed again {period} than in their first survey',
  },
  {
    id: 'consultation-calls',
    title: 'Consultation-line calls',
    area: 'schools',
    numerator: 'Calls to the professionals’ consultation line received in the period',
    denominator: null,
    filters: 'Every call logged, advised or not',
    source: { name: 'Lantern local measure: telephone consultation for professionals (Bexley)', url: null },
    target: null,
    unit: 'calls',
    breakdowns: places,
    compute: { kind: 'count', measure: 'consultation-calls' },
    headline: 'The consultation line took {value} calls {period}',
  },
  {
    id: 'workshops',
    title: 'Workshops delivered',
    area: 'schools',
    numerator: 'Group sessions (workshops, assemblies, classes) delivered in schools in the period',
    denominator: null,
    filters: 'Group sessions recorded without named young people',
    source: { ...MHSDS, name: `${MHSDS.name}: group sessions (MHS301GroupSession)` },
    target: null,
    unit: 'workshops',
    breakdowns: places,
    compute: { kind: 'count', measure: 'workshops' },
    headline: '{value} workshops were delivered in schools {period}',
  },
];

export function kpiDefinition(id: string): KpiDefinition | undefined {
  return kpiDefinitions.find((k) => k.id === id);
}

/** Every rollup measure a list of KPIs needs. */
export function measuresOf(kpis: readonly KpiDefinition[]): string[] {
  const measures = new Set<string>();
  for (const { compute } of kpis) {
    if (compute.kind === 'count') measures.add(compute.measure);
    else if (compute.kind === 'rate') {
      measures.add(compute.numerator);
      measures.add(compute.denominator);
    } else measures.add(compute.distribution);
  }
  return [...measures];
}
