import { type PresentingNeed, presentingNeeds } from './needs.js';

/** What a person told the "Find support" pages. Every part is optional. */
export interface DirectoryQuery {
  age?: number | undefined;
  need?: PresentingNeed | undefined;
  /** The school they named, if any. */
  school?: { name: string } | undefined;
  /** The council area their postcode is in, if they gave one we know. */
  homeArea?: { name: string } | undefined;
  /** Whether someone is at risk of serious harm now, if we were told. */
  hasCurrentRisk?: boolean | undefined;
}

/** The facts about one service that decide whether it fits, with coverage worked out for the query. */
export interface DirectoryCandidate {
  name: string;
  ageMin: number;
  ageMax: number;
  coverage: 'whole-area' | 'local-authorities' | 'schools';
  presentingNeeds: readonly string[];
  acceptsSelfReferral: boolean;
  selfReferralMinAge: number | null;
  /** Name of the whole area (the ICB) for services open to everyone in it. */
  areaName: string;
  /** Names of the councils a `local-authorities` service covers. */
  coveredAreaNames: readonly string[];
  coversSchool: boolean;
  coversSchoolArea: boolean;
  coversHomeArea: boolean;
  /** Not for someone at risk of serious harm now. */
  excludesCurrentRisk?: boolean;
}

/** `yes`: fits everything we were told; `check`: nothing rules it out but we could not tell; `no`. */
export type Fit = 'yes' | 'check' | 'no';

export interface Reason {
  /** true: a reason it fits; false: a reason it does not; null: something to check. */
  isMet: boolean | null;
  text: string;
}

export interface DirectoryMatch {
  fit: Fit;
  reasons: Reason[];
  canSelfRefer: boolean;
}

export function ageRangeText(ageMin: number, ageMax: number): string {
  return `ages ${ageMin} to ${ageMax}`;
}

function ageReason(candidate: DirectoryCandidate, age: number | undefined): Reason {
  const range = ageRangeText(candidate.ageMin, candidate.ageMax);
  if (age === undefined) return { isMet: null, text: `For ${range}` };
  const isMet = age >= candidate.ageMin && age <= candidate.ageMax;
  return { isMet, text: isMet ? `For ${range}` : `Only for ${range}` };
}

function placeReason(candidate: DirectoryCandidate, query: DirectoryQuery): Reason {
  if (candidate.coverage === 'whole-area') {
    return { isMet: true, text: `Open to everyone in ${candidate.areaName}` };
  }
  if (candidate.coverage === 'schools') {
    if (!query.school)
      return { isMet: null, text: 'Works in some schools only. Tell us the school to check' };
    return candidate.coversSchool
      ? { isMet: true, text: `Works in ${query.school.name}` }
      : { isMet: false, text: `Does not work in ${query.school.name}` };
  }
  const areas = candidate.coveredAreaNames.join(' and ');
  if (candidate.coversSchoolArea || candidate.coversHomeArea) return { isMet: true, text: `Covers ${areas}` };
  if (!query.school && !query.homeArea) {
    return { isMet: null, text: `Covers ${areas} only. Tell us a school or postcode to check` };
  }
  return { isMet: false, text: `Only covers ${areas}` };
}

function needReason(candidate: DirectoryCandidate, need: PresentingNeed | undefined): Reason | undefined {
  if (!need) return undefined;
  const words = presentingNeeds[need].toLowerCase();
  return candidate.presentingNeeds.includes(need)
    ? { isMet: true, text: `Helps with ${words}` }
    : { isMet: false, text: `Does not usually help with ${words}` };
}

/** Decides, in words a 12-year-old can follow, whether one service fits what the person told us. */
export function matchService(candidate: DirectoryCandidate, query: DirectoryQuery): DirectoryMatch {
  const age = ageReason(candidate, query.age);
  const reasons = [age, placeReason(candidate, query)];
  const need = needReason(candidate, query.need);
  if (need) reasons.push(need);
  if (candidate.excludesCurrentRisk && query.hasCurrentRisk) {
    reasons.push({
      isMet: false,
      text: 'Not for someone at risk of serious harm right now: get urgent help first',
    });
  }
  const fit: Fit = reasons.some((reason) => reason.isMet === false)
    ? 'no'
    : reasons.some((reason) => reason.isMet === null)
      ? 'check'
      : 'yes';
  const canSelfRefer =
    candidate.acceptsSelfReferral &&
    age.isMet !== false &&
    (candidate.selfReferralMinAge === null ||
      (query.age !== undefined && query.age >= candidate.selfReferralMinAge));
  return { fit, reasons, canSelfRefer };
}

const fitOrder: Record<Fit, number> = { yes: 0, check: 1, no: 2 };

/** Services that fit first, then those to check, then those that do not; by name within each. */
export function compareMatches(a: { name: string; fit: Fit }, b: { name: string; fit: Fit }): number {
  return fitOrder[a.fit] - fitOrder[b.fit] || a.name.localeCompare(b.name, 'en-GB');
}
