/**
 * Who might take on a referral. A suggestion, never a decision: a senior practitioner allocates,
 * and every point of the score comes with a reason in plain words so they can see why someone is
 * near the top and overrule it. Everyone is listed, so nobody is hidden by the scoring.
 */

export interface PractitionerForAllocation {
  userId: string;
  displayName: string;
  caseload: number;
  capacity: number;
  /** Regular days in schools; weekday 1 is Monday, 5 is Friday. */
  daysInSchools: { schoolUrn: number; weekday: number }[];
  linkSchoolUrns: number[];
  gender: string | null;
  languages: string[];
}

/** What the young person (or their family) asked for in a practitioner. */
export interface AllocationPreferences {
  practitionerGender: 'female' | 'male' | null;
  language: string | null;
}

export interface ReferralForAllocation {
  referralId: string;
  schoolUrn: number | null;
  previousPractitionerIds: string[];
  siblingPractitionerIds: string[];
  preferences: AllocationPreferences;
}

export type ReasonKind =
  | 'link-practitioner'
  | 'days-in-school'
  | 'spare-capacity'
  | 'caseload-full'
  | 'previous-episode'
  | 'sibling'
  | 'gender-preference-met'
  | 'gender-preference-not-met'
  | 'language-met'
  | 'language-not-met';

export interface SuggestionReason {
  kind: ReasonKind;
  points: number;
  text: string;
}

export interface Suggestion {
  userId: string;
  displayName: string;
  score: number;
  reasons: SuggestionReason[];
  /** Places left before the caseload is full; negative when over capacity. */
  spareCapacity: number;
}

/**
 * Points for each reason; `days-in-school` is per day and `spare-capacity` per free place. A link
 * practitioner already knows the school, so outweighs a little more space; a full caseload outweighs
 * the link, because piling more onto someone full makes everyone wait.
 */
export const suggestionWeights: Record<ReasonKind, number> = {
  'link-practitioner': 40,
  'days-in-school': 10,
  'spare-capacity': 2,
  'caseload-full': -60,
  'previous-episode': 30,
  sibling: 15,
  'gender-preference-met': 25,
  'gender-preference-not-met': -25,
  'language-met': 25,
  'language-not-met': -25,
};

/** Beyond three days a week, more days in one school tell us little more. */
export const MAX_SCHOOL_DAYS_COUNTED = 3;
/** Lots of space should not outweigh knowing the school or the young person. */
export const MAX_SPARE_CAPACITY_POINTS = 20;

const sameWords = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function reasonsFor(
  referral: ReferralForAllocation,
  practitioner: PractitionerForAllocation,
): SuggestionReason[] {
  const reasons: SuggestionReason[] = [];
  const add = (kind: ReasonKind, points: number, text: string) => reasons.push({ kind, points, text });
  const { schoolUrn, preferences } = referral;

  if (schoolUrn !== null && practitioner.linkSchoolUrns.includes(schoolUrn)) {
    add('link-practitioner', suggestionWeights['link-practitioner'], 'Link practitioner for this school');
  }
  const weekdays = new Set(
    practitioner.daysInSchools.filter((day) => day.schoolUrn === schoolUrn).map((day) => day.weekday),
  );
  if (schoolUrn !== null && weekdays.size > 0) {
    const counted = Math.min(weekdays.size, MAX_SCHOOL_DAYS_COUNTED);
    add(
      'days-in-school',
      counted * suggestionWeights['days-in-school'],
      `In this school ${plural(weekdays.size, 'day', 'days')} a week`,
    );
  }

  const spare = practitioner.capacity - practitioner.caseload;
  const load = `(${practitioner.caseload} of ${practitioner.capacity})`;
  if (spare <= 0) {
    add('caseload-full', suggestionWeights['caseload-full'], `Caseload full ${load}`);
  } else {
    const points = Math.min(spare * suggestionWeights['spare-capacity'], MAX_SPARE_CAPACITY_POINTS);
    add('spare-capacity', points, `Has space for ${spare} more ${load}`);
  }

  if (referral.previousPractitionerIds.includes(practitioner.userId)) {
    add('previous-episode', suggestionWeights['previous-episode'], 'Worked with this young person before');
  }
  if (referral.siblingPractitionerIds.includes(practitioner.userId)) {
    add('sibling', suggestionWeights.sibling, 'Works with a brother or sister');
  }

  const wantedGender = preferences.practitionerGender;
  if (wantedGender !== null) {
    if (practitioner.gender !== null && sameWords(practitioner.gender, wantedGender)) {
      add(
        'gender-preference-met',
        suggestionWeights['gender-preference-met'],
        'Is the gender the young person asked for',
      );
    } else {
      // Not knowing counts as not met: we cannot promise what the young person asked for.
      const text =
        practitioner.gender === null
          ? 'We do not know if this is the gender the young person asked for'
          : 'Is not the gender the young person asked for';
      add('gender-preference-not-met', suggestionWeights['gender-preference-not-met'], text);
    }
  }

  // English is spoken by everyone in the team, so asking for it tells the ranking nothing.
  const language = preferences.language?.trim() ?? '';
  if (language !== '' && !sameWords(language, 'english')) {
    const name = language.charAt(0).toUpperCase() + language.slice(1);
    if (practitioner.languages.some((spoken) => sameWords(spoken, language))) {
      add('language-met', suggestionWeights['language-met'], `Speaks ${name}`);
    } else {
      add('language-not-met', suggestionWeights['language-not-met'], `Does not speak ${name}`);
    }
  }

  // Biggest effect first; ties keep the order above, which runs from school to preferences.
  return reasons
    .filter((reason) => reason.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** All practitioners, best first: score desc, then spare capacity desc, then displayName. Reasons listed biggest effect first; reasons with 0 points left out. */
export function suggestPractitioners(
  referral: ReferralForAllocation,
  practitioners: readonly PractitionerForAllocation[],
): Suggestion[] {
  return practitioners
    .map((practitioner): Suggestion => {
      const reasons = reasonsFor(referral, practitioner);
      return {
        userId: practitioner.userId,
        displayName: practitioner.displayName,
        score: reasons.reduce((sum, reason) => sum + reason.points, 0),
        reasons,
        spareCapacity: practitioner.capacity - practitioner.caseload,
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.spareCapacity - a.spareCapacity ||
        a.displayName.localeCompare(b.displayName, 'en-GB') ||
        // The id settles the rest, so the order never depends on the order practitioners came in.
        byText(a.userId, b.userId),
    );
}
