import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestFactsArb, sampleItem, subjectRecordArb } from './subject-access.arbitraries.js';
import {
  buildSubjectAccessExport,
  decideItem,
  LEGAL_BASIS,
  type RequestFacts,
  refusalFor,
  type SubjectRecord,
  sections,
} from './subject-access.js';

const goodParent = { hasParentalResponsibility: true, doNotShare: false };
const competentNo = { consentedBy: 'young-person', isGillickCompetent: true, parentsMayBeTold: 'no' };
const plain = { givenInConfidence: false, givenByYoungPerson: false };
const confidential = { givenInConfidence: true, givenByYoungPerson: false };
const ownWords = { givenInConfidence: false, givenByYoungPerson: true };

describe('who may be given a child’s record', () => {
  it('refuses a parent marked do-not-share, or without parental responsibility, or not named', () => {
    const parent = (carer: RequestFacts['carer']): RequestFacts => ({
      requester: 'parent',
      carer,
      consent: null,
    });
    expect(refusalFor(parent({ hasParentalResponsibility: true, doNotShare: true }))).toBe(
      'carer-do-not-share',
    );
    expect(refusalFor(parent({ hasParentalResponsibility: false, doNotShare: false }))).toBe(
      'no-parental-responsibility',
    );
    expect(refusalFor(parent(null))).toBe('no-carer');
    expect(refusalFor(parent(goodParent))).toBeNull();
    expect(refusalFor({ requester: 'young-person', carer: null, consent: null })).toBeNull();
  });

  it('gives the young person everything, including what they said in confidence and safeguarding', () => {
    const facts: RequestFacts = { requester: 'young-person', carer: null, consent: competentNo };
    expect(decideItem(facts, 'notes', confidential).include).toBe(true);
    expect(decideItem(facts, 'safeguarding', plain).include).toBe(true);
  });

  it('withholds from a parent what was given in confidence, and safeguarding always', () => {
    const facts: RequestFacts = { requester: 'parent', carer: goodParent, consent: null };
    expect(decideItem(facts, 'notes', confidential)).toEqual({
      include: false,
      reason: 'given-in-confidence',
    });
    expect(decideItem(facts, 'assessments', confidential).include).toBe(false);
    expect(decideItem(facts, 'safeguarding', plain)).toEqual({ include: false, reason: 'safeguarding' });
    expect(decideItem(facts, 'notes', plain)).toEqual({ include: true, reason: 'parent-may-see' });
    expect(decideItem(facts, 'measures', ownWords).include).toBe(true);
  });

  it('withholds the young person’s own words when, judged competent, they asked parents not be told', () => {
    const facts: RequestFacts = { requester: 'parent', carer: goodParent, consent: competentNo };
    expect(decideItem(facts, 'measures', ownWords)).toEqual({
      include: false,
      reason: 'young-person-asked-parents-not-told',
    });
    expect(decideItem(facts, 'contacts', plain).include).toBe(true);
    const notCompetent = { ...facts, consent: { ...competentNo, isGillickCompetent: false } };
    expect(decideItem(notCompetent, 'measures', ownWords).include).toBe(true);
    const mayTell = { ...facts, consent: { ...competentNo, parentsMayBeTold: 'yes' } };
    expect(decideItem(mayTell, 'measures', ownWords).include).toBe(true);
  });

  it('builds an export with counts per kind of information and the legal basis, and no withheld text', () => {
    const empty = Object.fromEntries(sections.map((s) => [s, []])) as unknown as SubjectRecord['sections'];
    const record: SubjectRecord = {
      child: {
        givenName: 'Sam',
        familyName: 'Taylor',
        dateOfBirth: '2011-02-03',
        nhsNumber: null,
        gender: null,
        postcode: null,
        gpPractice: null,
      },
      retention: { status: 'keep', reviewOn: '2046-01-01', note: '' },
      sections: {
        ...empty,
        notes: [
          { value: sampleItem('notes', 'SECRETNOTE'), ...confidential },
          { value: sampleItem('notes', 'OPENNOTE'), ...plain },
        ],
        safeguarding: [{ value: sampleItem('safeguarding', 'SECRETCONCERN'), ...plain }],
      },
    };
    const built = buildSubjectAccessExport(
      record,
      { requester: 'parent', carer: goodParent, consent: null },
      { generatedAt: '2026-11-20T10:00:00.000Z', receivedOn: '2026-11-18' },
    );
    const json = JSON.stringify(built.export);
    expect(json).toContain('OPENNOTE');
    expect(json).not.toContain('SECRETNOTE');
    expect(json).not.toContain('SECRETCONCERN');
    expect(built.export.withheld.byCategory).toEqual([
      { category: 'notes', label: 'Notes', count: 1 },
      { category: 'safeguarding', label: 'Safeguarding concerns and actions', count: 1 },
    ]);
    expect(built.export.withheld.legalBasis).toBe(LEGAL_BASIS);
    expect(LEGAL_BASIS).toContain('Data Protection Act 2018, Schedule 3 Part 2 paragraph 4');
    expect([built.itemsIncluded, built.itemsWithheld]).toEqual([1, 2]);
    const mine = buildSubjectAccessExport(
      record,
      { requester: 'young-person', carer: null, consent: null },
      { generatedAt: '2026-11-20T10:00:00.000Z', receivedOn: '2026-11-18' },
    );
    expect(JSON.stringify(mine.export)).toContain('SECRETNOTE');
    expect(mine.export.withheld).toEqual({ total: 0, byCategory: [], reasons: [], legalBasis: null });
  });
});

describe('subject access properties', () => {
  it('never lets a withheld item’s text into the JSON, and keeps every included one', () => {
    fc.assert(
      fc.property(subjectRecordArb, requestFactsArb, ({ record, markers }, facts) => {
        fc.pre(refusalFor(facts) === null);
        const built = buildSubjectAccessExport(record, facts, {
          generatedAt: '2026-11-20T10:00:00.000Z',
          receivedOn: '2026-11-18',
        });
        const json = JSON.stringify(built.export);
        let withheld = 0;
        for (const { section, item } of markers) {
          const isIncluded = decideItem(facts, section, item).include;
          if (!isIncluded) withheld += 1;
          expect(json.includes(item.marker)).toBe(isIncluded);
        }
        expect(built.itemsWithheld).toBe(withheld);
        expect(built.export.withheld.total).toBe(withheld);
        expect(built.itemsIncluded + built.itemsWithheld).toBe(markers.length);
      }),
    );
  });

  it('gives a parent nothing given in confidence and no safeguarding, whatever the consent', () => {
    fc.assert(
      fc.property(subjectRecordArb, requestFactsArb, ({ markers }, facts) => {
        const parent: RequestFacts = { ...facts, requester: 'parent', carer: goodParent };
        for (const { section, item } of markers) {
          if (item.givenInConfidence || section === 'safeguarding') {
            expect(decideItem(parent, section, item).include).toBe(false);
          }
        }
      }),
    );
  });
});
