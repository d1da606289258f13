import type { BulkAllocated, Suggestion, Tray, WaitingEntry } from '../../../contracts/mhst.js';
import { trays } from '../../../contracts/mhst.js';
import { webPaths } from '../../../contracts/web-paths.js';

// Pure helpers for the MHST and caseload pages: addresses, tray and waiting words, suggestion
// reasons, capacity sentences and bulk allocation results. No React here, so each is unit tested.

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function waitingListPath(
  teamId: string,
  tray: Tray = 'awaiting-allocation',
  schoolUrn?: number | null,
) {
  const base = webPaths.waitingList.replace(':teamId', teamId);
  const query = new URLSearchParams();
  if (tray !== 'awaiting-allocation') query.set('tray', tray);
  if (schoolUrn) query.set('schoolUrn', String(schoolUrn));
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

export function allocatePath(teamId: string, referralId: string): string {
  return webPaths.allocateReferral.replace(':teamId', teamId).replace(':referralId', referralId);
}

export function forecastPath(teamId: string): string {
  return webPaths.teamForecast.replace(':teamId', teamId);
}

export function capacityPath(teamId: string): string {
  return webPaths.teamCapacity.replace(':teamId', teamId);
}

export function caseloadReferralPath(referralId: string): string {
  return webPaths.caseloadReferral.replace(':referralId', referralId);
}

/** The tray from the address bar; anything unknown means the referrals awaiting allocation. */
export function parseTray(value: string | null): Tray {
  return trays.find((tray) => tray === value) ?? 'awaiting-allocation';
}

/** The school filter from the address bar: a URN, or null for every school. */
export function parseSchoolUrn(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  const urn = Number(value);
  return urn > 0 ? urn : null;
}

/** Short names for the tray tabs, so the four fit in a row; the tray's heading has its full name. */
export const trayTabNames: Record<Tray, string> = {
  'awaiting-allocation': 'Awaiting allocation',
  allocated: 'Allocated',
  'in-intervention': 'In intervention',
  'group-waiting-list': 'Group waiting list',
};

export function trayTabLabel(tray: Tray, count: number | undefined): string {
  return count === undefined ? trayTabNames[tray] : `${trayTabNames[tray]} (${count})`;
}

export type Rag = WaitingEntry['rag'];

/** The NHS.UK tag for a wait against four weeks: the words carry the meaning, never the colour alone. */
export function ragTag(rag: Rag): { className: string; label: string } {
  switch (rag) {
    case 'red':
      return { className: 'nhsuk-tag nhsuk-tag--red', label: 'Over 4 weeks' };
    case 'amber':
      return { className: 'nhsuk-tag nhsuk-tag--orange', label: 'Nearly 4 weeks' };
    default:
      return { className: 'nhsuk-tag nhsuk-tag--green', label: 'Within 4 weeks' };
  }
}

/** Days waited, and how that stands against four weeks, such as "25 days (3 days left)". */
export function waitedWords(daysWaited: number, daysLeft: number): string {
  const waited = plural(daysWaited, 'day');
  if (daysLeft > 0) return `${waited} (${plural(daysLeft, 'day')} left)`;
  if (daysLeft === 0) return `${waited} (four weeks today)`;
  return `${waited} (${plural(-daysLeft, 'day')} over)`;
}

/**
 * Whether to flag a referral as at risk: the forecast says it will pass four weeks before a first
 * appointment, and it has not passed already (then the red tag says so).
 */
export function isAtRiskShown(entry: Pick<WaitingEntry, 'isAtRisk' | 'rag' | 'daysLeft'>): boolean {
  return entry.isAtRisk && entry.rag !== 'red' && entry.daysLeft > 0;
}

/** A suggestion reason with its points in words, such as "Link practitioner for this school: adds 40 points". */
export function reasonWords(reason: { points: number; text: string }): string {
  if (reason.points === 0) return reason.text;
  const points = plural(Math.abs(reason.points), 'point');
  return `${reason.text}: ${reason.points > 0 ? `adds ${points}` : `takes away ${points}`}`;
}

export function scoreWords(score: number): string {
  return score < 0 ? `Score minus ${-score}` : `Score ${score}`;
}

/** "9 of 12", or that no capacity has been set, for a practitioner's caseload. */
export function caseloadOf(caseload: number, capacity: number): string {
  if (capacity <= 0) return `${plural(caseload, 'young person', 'young people')}, no capacity set`;
  if (caseload > capacity) return `${caseload} of ${capacity} (${caseload - capacity} over)`;
  return `${caseload} of ${capacity}`;
}

/**
 * The reason offered when allocating to a suggestion: its top reasons in favour, or the plainest
 * true thing when none; always editable before it is sent.
 */
export function suggestedReason(
  suggestion: Pick<Suggestion, 'displayName' | 'reasons'>,
  isTop: boolean,
): string {
  const inFavour = suggestion.reasons.filter((reason) => reason.points > 0).slice(0, 2);
  const lead = isTop ? 'Top suggestion' : `Chosen: ${suggestion.displayName}`;
  if (inFavour.length === 0) return `${lead}.`;
  return `${lead}: ${inFavour.map((reason) => lowerFirst(reason.text)).join('; ')}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "You have 9 young people; your capacity is 12." */
export function caseloadSentence(count: number, capacity: number | null): string {
  const have = `You have ${plural(count, 'young person', 'young people')}`;
  if (capacity === null || capacity <= 0) {
    return `${have}. Your capacity has not been set: ask your team manager.`;
  }
  if (count > capacity) return `${have}; your capacity is ${capacity}, so you are ${count - capacity} over.`;
  return `${have}; your capacity is ${capacity}.`;
}

export const weekdays: Record<number, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
};

/** Weekdays in order as words: "Monday and Thursday", "Monday, Tuesday and Friday". */
export function weekdayList(days: readonly number[]): string {
  const names = [...new Set(days)].sort((a, b) => a - b).map((day) => weekdays[day] ?? `Day ${day}`);
  if (names.length === 0) return 'No days';
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** A practitioner's school days grouped by school, in the order the team's schools are listed. */
export function schoolDaysBySchool(
  days: readonly { schoolUrn: number; weekday: number }[],
  schools: readonly { urn: number; name: string }[],
): { urn: number; name: string; days: string }[] {
  const byUrn = new Map<number, number[]>();
  for (const day of days) byUrn.set(day.schoolUrn, [...(byUrn.get(day.schoolUrn) ?? []), day.weekday]);
  const names = new Map(schools.map((school) => [school.urn, school.name]));
  const order = (urn: number) => {
    const index = schools.findIndex((school) => school.urn === urn);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  return [...byUrn.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([urn, weekdays]) => ({
      urn,
      name: names.get(urn) ?? `School ${urn}`,
      days: weekdayList(weekdays),
    }));
}

export type BulkOutcome = BulkAllocated['results'][number]['outcome'];

/** What happened to one referral of a bulk allocation, in words. */
export function bulkOutcomeWords(outcome: BulkOutcome, practitionerName: string | null): string {
  switch (outcome) {
    case 'allocated':
      return `Allocated to ${practitionerName ?? 'a practitioner'}`;
    case 'changed-since-you-looked':
      return 'Not allocated: it changed since you looked. Open it to see the latest.';
    case 'no-practitioner-with-space':
      return 'Not allocated: nobody in the team has space. Open it to choose someone.';
    default:
      return 'Not allocated: it is no longer on this waiting list.';
  }
}

/** The headline of a bulk allocation's results, such as "2 of 3 referrals were allocated." */
export function bulkSummary(results: readonly { outcome: BulkOutcome }[]): string {
  const allocated = results.filter((result) => result.outcome === 'allocated').length;
  if (allocated === results.length) {
    return results.length === 1
      ? 'The referral was allocated.'
      : `All ${results.length} referrals were allocated.`;
  }
  if (allocated === 0)
    return results.length === 1 ? 'The referral was not allocated.' : 'None of the referrals were allocated.';
  return `${allocated} of ${plural(results.length, 'referral')} ${allocated === 1 ? 'was' : 'were'} allocated.`;
}

/** The pace the forecast uses, in plain words. */
export function paceWords(pace: { daysToAllocate: number; daysAllocationToFirstContact: number }): string {
  const total = pace.daysToAllocate + pace.daysAllocationToFirstContact;
  const against =
    total <= 28
      ? 'within the four-week standard of 28 days'
      : 'longer than the four-week standard of 28 days';
  return (
    `The forecast uses this team’s pace over the last six months, or a standard pace until there is enough ` +
    `history: allocation ${plural(pace.daysToAllocate, 'day')} after a referral is received, and a first ` +
    `appointment ${plural(pace.daysAllocationToFirstContact, 'day')} after allocation. That is ` +
    `${plural(total, 'day')} in all, ${against}.`
  );
}

/** A practitioner's gender as recorded, with a capital letter. */
export function genderWords(gender: string | null): string {
  if (!gender?.trim()) return 'Not recorded';
  const text = gender.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Languages spoken, each once, whatever case they were typed in. */
export function languageWords(languages: readonly string[]): string {
  const seen = new Set<string>();
  const unique = languages.filter((language) => {
    const key = language.trim().toLowerCase();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length === 0 ? 'Not recorded' : unique.join(', ');
}

const bases: Record<string, string> = {
  booked: 'the appointment booked',
  'allocated-pace': 'allocated, at the team’s usual pace',
  'unallocated-pace': 'not allocated yet, at the team’s usual pace',
  attended: 'seen already',
};

/** What a breach alert's likely first appointment is based on, for saying in brackets after it. */
export function basisWords(basis: string): string {
  return bases[basis] ?? basis;
}

/** New allocations first, keeping the API's order (longest waiting first) within each group. */
export function newFirst<T extends { isNew: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((item) => item.isNew), ...items.filter((item) => !item.isNew)];
}

/** Whether an appointment's time has come, so attendance can be recorded as attended. */
export function hasStarted(startsAt: string, now: Date): boolean {
  return Date.parse(startsAt) <= now.getTime();
}
