import fc from 'fast-check';
import type { Requester } from '../../contracts/records.js';
import {
  type RequestFacts,
  type Section,
  type SectionItem,
  type SubjectRecord,
  sections,
  type Tagged,
} from './subject-access.js';

// Random records for property tests: every text of an item carries that item's own marker, so a
// withheld item's marker found anywhere in an export means it leaked.

/** An item of a section whose every text field carries `marker`. */
export function sampleItem<S extends Section>(section: S, marker: string): SectionItem<S> {
  const on = '2026-03-04';
  const ref = 'LV-TEST-01';
  const items: { [K in Section]: SectionItem<K> } = {
    contactDetails: {
      contactRoutes: [`text ${marker}`],
      phone: `07700 ${marker}`,
      email: `${marker}@example.com`,
    },
    referrals: { reference: ref, receivedOn: on, status: `Received ${marker}` },
    referralWords: {
      reference: ref,
      source: 'Self-referral',
      presentingNeeds: [`need ${marker}`],
      needDescription: `I feel ${marker}`,
      triedSoFar: `tried ${marker}`,
      riskDetails: `risk ${marker}`,
    },
    consents: {
      reference: ref,
      recordedOn: on,
      consentedBy: 'The young person',
      status: 'Given',
      method: 'In person',
      isGillickCompetent: true,
      gillickNotes: `competence ${marker}`,
      parentsMayBeTold: 'No',
      withdrawnOrCorrectedOn: null,
    },
    decisions: {
      reference: ref,
      decidedOn: on,
      decision: 'Accept',
      priority: 'Routine',
      thriveGrouping: 'Getting Help',
      declineReason: null,
      notes: `triage ${marker}`,
      correctedOn: null,
    },
    contacts: {
      reference: ref,
      startsAt: `${on}T10:00:00.000Z`,
      kind: 'One to one',
      medium: 'In person',
      attendance: 'Attended',
      practitioner: `Practitioner ${marker}`,
    },
    episodes: {
      reference: ref,
      openedOn: on,
      intervention: `intervention ${marker}`,
      status: 'Open',
      closedOn: null,
      closeReason: null,
      closeOutcome: null,
      closeSummary: `summary ${marker}`,
    },
    assessments: {
      reference: ref,
      assessedOn: on,
      presentingProblems: [`problem ${marker}`],
      summary: `assessed ${marker}`,
      riskLevel: 'Low risk',
      riskDetail: `detail ${marker}`,
      safetyPlan: `plan ${marker}`,
    },
    goals: { reference: ref, goal: `goal ${marker}`, agreedOn: on, status: 'Working on it' },
    notes: {
      reference: ref,
      current: {
        version: 2,
        writtenAt: `${on}T11:00:00.000Z`,
        writtenBy: 'Practitioner',
        body: `note ${marker}`,
        correctionReason: `corrected ${marker}`,
      },
      earlierVersions: [
        {
          version: 1,
          writtenAt: `${on}T10:30:00.000Z`,
          writtenBy: 'Practitioner',
          body: `first ${marker}`,
          correctionReason: null,
        },
      ],
      signedOff: null,
    },
    measures: {
      reference: ref,
      instrument: `GAD-7 ${marker}`,
      respondent: 'The young person',
      completedOn: on,
      total: 9,
      band: `band ${marker}`,
      scores: { total: 9 },
    },
    onwardReferrals: {
      reference: ref,
      direction: 'Step up',
      serviceName: `CAMHS ${marker}`,
      reason: `because ${marker}`,
      referredOn: on,
    },
    safeguarding: {
      reference: ref,
      raisedOn: on,
      category: 'Neglect',
      concern: `concern ${marker}`,
      immediateAction: `action ${marker}`,
      status: 'Raised',
      outcome: null,
      actions: [{ recordedOn: on, action: `did ${marker}`, statusAfter: 'Acknowledged' }],
    },
  };
  return items[section];
}

const taggedArb = (section: Section) =>
  fc
    .record({ id: fc.uuid(), givenInConfidence: fc.boolean(), givenByYoungPerson: fc.boolean() })
    .map(({ id, ...tags }) => ({ ...tags, marker: `M${id.replaceAll('-', '')}` }))
    .map(({ marker, ...tags }) => ({ ...tags, marker, value: sampleItem(section, marker) }));

/** A random record; `markers` says which section each item's marker belongs to. */
export const subjectRecordArb = fc
  .record(
    Object.fromEntries(sections.map((s) => [s, fc.array(taggedArb(s), { maxLength: 3 })])) as {
      [S in Section]: fc.Arbitrary<(Tagged<SectionItem<S>> & { marker: string })[]>;
    },
  )
  .map((bySection) => {
    const record: SubjectRecord = {
      child: {
        givenName: 'Sam',
        familyName: 'Taylor',
        dateOfBirth: '2011-02-03',
        nhsNumber: '9990000018',
        gender: null,
        postcode: null,
        gpPractice: null,
      },
      retention: { status: 'in-treatment', reviewOn: null, note: 'No review date while help goes on.' },
      sections: Object.fromEntries(
        sections.map((s) => [s, bySection[s].map(({ marker: _m, ...tagged }) => tagged)]),
      ) as SubjectRecord['sections'],
    };
    const markers = sections.flatMap((s) => bySection[s].map((item) => ({ section: s, item })));
    return { record, markers };
  });

export const requestFactsArb: fc.Arbitrary<RequestFacts> = fc.record({
  requester: fc.constantFrom<Requester>('young-person', 'parent', 'other-with-consent'),
  carer: fc.option(fc.record({ hasParentalResponsibility: fc.boolean(), doNotShare: fc.boolean() }), {
    nil: null,
  }),
  consent: fc.option(
    fc.record({
      consentedBy: fc.constantFrom('young-person', 'parent-or-carer'),
      isGillickCompetent: fc.option(fc.boolean(), { nil: null }),
      parentsMayBeTold: fc.constantFrom('yes', 'no', 'young-person-will-decide'),
    }),
    { nil: null },
  ),
});
