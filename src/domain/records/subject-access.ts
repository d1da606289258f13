import {
  type Requester,
  requesterLabels,
  type SubjectAccessExport,
  type WithheldSummary,
} from '../../contracts/records.js';

// What a subject access request may be given from a child's record, decided item by item from who
// is asking (DOMAIN.md "Consent and confidentiality"; docs/adr/0019-subject-access-and-retention.md).
// One function builds the filtered export; the JSON and the PDF both render that object, so they
// cannot disagree. A withheld item leaves nothing behind: no text, date, id or per-item count.

/** The parts of the record, in the order an export lists them. */
export const sections = [
  'contactDetails',
  'referrals',
  'referralWords',
  'consents',
  'decisions',
  'contacts',
  'episodes',
  'assessments',
  'goals',
  'notes',
  'measures',
  'onwardReferrals',
  'safeguarding',
] as const satisfies readonly (keyof SubjectAccessExport)[];
export type Section = (typeof sections)[number];

export const sectionLabels: Record<Section, string> = {
  contactDetails: 'Contact details the young person chose',
  referrals: 'Referrals',
  referralWords: 'What the referral said',
  consents: 'Consent',
  decisions: 'Triage decisions',
  contacts: 'Appointments',
  episodes: 'Episodes of care',
  assessments: 'Assessments',
  goals: 'Goals',
  notes: 'Notes',
  measures: 'Questionnaires and scores',
  onwardReferrals: 'Step ups, step downs and onward referrals',
  safeguarding: 'Safeguarding concerns and actions',
};

/** One item of the record, with where it came from. */
export interface Tagged<T> {
  value: T;
  /** Told to us expecting it would not be shared with parents (assessments, notes in confidence). */
  givenInConfidence: boolean;
  /** The young person's own words or answers: a self-referral, self-rated questionnaires, goals, their consent. */
  givenByYoungPerson: boolean;
}

export type SectionItem<S extends Section> = SubjectAccessExport[S][number];

export interface SubjectRecord {
  child: SubjectAccessExport['child'];
  retention: SubjectAccessExport['retention'];
  sections: { [S in Section]: Tagged<SectionItem<S>>[] };
}

/** The newest consent not corrected, as far as it bears on telling parents. */
export interface ConsentFacts {
  consentedBy: string;
  isGillickCompetent: boolean | null;
  parentsMayBeTold: string;
}

export interface RequestFacts {
  requester: Requester;
  /** The parent or carer asking, for a parent's request. */
  carer: { hasParentalResponsibility: boolean; doNotShare: boolean } | null;
  consent: ConsentFacts | null;
}

export type Refusal = 'no-carer' | 'carer-do-not-share' | 'no-parental-responsibility';
export const refusalMessages: Record<Refusal, string> = {
  'no-carer': 'Choose which parent or carer of this young person is asking.',
  'carer-do-not-share':
    'This parent or carer is marked “do not share”: nothing from the record can be given to them. Refuse the request and tell them in writing.',
  'no-parental-responsibility':
    'This carer does not have parental responsibility, so cannot make a subject access request for the young person. Ask for the young person’s written consent instead.',
};

/** Why a parent's request is refused outright, or null when it can go ahead. */
export function refusalFor(facts: RequestFacts): Refusal | null {
  if (facts.requester !== 'parent') return null;
  if (!facts.carer) return 'no-carer';
  if (facts.carer.doNotShare) return 'carer-do-not-share';
  if (!facts.carer.hasParentalResponsibility) return 'no-parental-responsibility';
  return null;
}

export type WithholdReason = 'given-in-confidence' | 'young-person-asked-parents-not-told' | 'safeguarding';
export const withholdReasonWords: Record<WithholdReason, string> = {
  'given-in-confidence': 'The young person told us this in confidence, expecting it would not be shared.',
  'young-person-asked-parents-not-told':
    'The young person, judged able to decide for themselves (Gillick competent), asked that their parents are not told what they shared.',
  safeguarding: 'Safeguarding concerns and what was done about them are never given to a parent.',
};

export const LEGAL_BASIS =
  'Information has been withheld under the Data Protection Act 2018, Schedule 3 Part 2 paragraph 4: information a child gave in the expectation that it would not be disclosed to the person asking.';

export type ItemDecision =
  | { include: true; reason: 'requester-is-young-person' | 'parent-may-see' }
  | { include: false; reason: WithholdReason };

/** Whether the young person, judged competent, asked that parents are not told. */
export function youngPersonAskedParentsNotTold(consent: ConsentFacts | null): boolean {
  return (
    consent?.consentedBy === 'young-person' &&
    consent.isGillickCompetent === true &&
    consent.parentsMayBeTold === 'no'
  );
}

/**
 * One item, for one requester. The young person (or someone acting on their written consent) gets
 * everything; a parent does not get what was given in confidence, what the young person gave when
 * they asked that parents are not told, or any safeguarding concern (the parent may be its subject).
 */
export function decideItem(
  facts: RequestFacts,
  section: Section,
  item: Pick<Tagged<unknown>, 'givenInConfidence' | 'givenByYoungPerson'>,
): ItemDecision {
  if (refusalFor(facts) !== null) throw new Error('a refused request has no items');
  if (facts.requester !== 'parent') return { include: true, reason: 'requester-is-young-person' };
  if (section === 'safeguarding') return { include: false, reason: 'safeguarding' };
  if (item.givenInConfidence) return { include: false, reason: 'given-in-confidence' };
  if (item.givenByYoungPerson && youngPersonAskedParentsNotTold(facts.consent)) {
    return { include: false, reason: 'young-person-asked-parents-not-told' };
  }
  return { include: true, reason: 'parent-may-see' };
}

type SectionValues = { [S in Section]: SectionItem<S>[] };

/** The export for this requester, with the counts kept on the request row. */
export function buildSubjectAccessExport(
  record: SubjectRecord,
  facts: RequestFacts,
  meta: { generatedAt: string; receivedOn: string },
): { export: SubjectAccessExport; itemsIncluded: number; itemsWithheld: number } {
  const included = {} as Record<Section, unknown[]>;
  const byCategory: WithheldSummary['byCategory'] = [];
  const reasons = new Set<WithholdReason>();
  let itemsIncluded = 0;
  for (const section of sections) {
    const kept: unknown[] = [];
    let withheld = 0;
    for (const item of record.sections[section] as Tagged<unknown>[]) {
      const decision = decideItem(facts, section, item);
      if (decision.include) kept.push(item.value);
      else {
        withheld += 1;
        reasons.add(decision.reason);
      }
    }
    included[section] = kept;
    itemsIncluded += kept.length;
    if (withheld > 0) byCategory.push({ category: section, label: sectionLabels[section], count: withheld });
  }
  const total = byCategory.reduce((sum, c) => sum + c.count, 0);
  return {
    export: {
      generatedAt: meta.generatedAt,
      requester: requesterLabels[facts.requester],
      receivedOn: meta.receivedOn,
      child: record.child,
      retention: record.retention,
      ...(included as SectionValues),
      withheld: {
        total,
        byCategory,
        reasons: [...reasons].map((r) => withholdReasonWords[r]),
        legalBasis: total > 0 ? LEGAL_BASIS : null,
      },
    },
    itemsIncluded,
    itemsWithheld: total,
  };
}
