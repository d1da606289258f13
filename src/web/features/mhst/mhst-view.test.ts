import { describe, expect, it } from 'vitest';
import {
  allocatePath,
  basisWords,
  bulkOutcomeWords,
  bulkSummary,
  capacityPath,
  caseloadOf,
  caseloadReferralPath,
  caseloadSentence,
  forecastPath,
  genderWords,
  hasStarted,
  isAtRiskShown,
  languageWords,
  newFirst,
  paceWords,
  parseSchoolUrn,
  parseTray,
  ragTag,
  reasonWords,
  schoolDaysBySchool,
  scoreWords,
  suggestedReason,
  trayTabLabel,
  waitedWords,
  waitingListPath,
  weekdayList,
} from './mhst-view.js';

describe('addresses', () => {
  it('fills in the team and referral', () => {
    expect(waitingListPath('t1')).toBe('/staff/mhst/t1');
    expect(waitingListPath('t1', 'allocated')).toBe('/staff/mhst/t1?tray=allocated');
    expect(waitingListPath('t1', 'awaiting-allocation', 990052)).toBe('/staff/mhst/t1?schoolUrn=990052');
    expect(waitingListPath('t1', 'group-waiting-list', 12)).toBe(
      '/staff/mhst/t1?tray=group-waiting-list&schoolUrn=12',
    );
    expect(allocatePath('t1', 'r2')).toBe('/staff/mhst/t1/referrals/r2');
    expect(forecastPath('t1')).toBe('/staff/mhst/t1/forecast');
    expect(capacityPath('t1')).toBe('/staff/mhst/t1/capacity');
    expect(caseloadReferralPath('r2')).toBe('/staff/caseload/r2');
  });

  it('reads the tray and school from the address, ignoring anything unknown', () => {
    expect(parseTray('in-intervention')).toBe('in-intervention');
    expect(parseTray(null)).toBe('awaiting-allocation');
    expect(parseTray('toString')).toBe('awaiting-allocation');
    expect(parseSchoolUrn('990052')).toBe(990052);
    expect(parseSchoolUrn(null)).toBeNull();
    expect(parseSchoolUrn('0')).toBeNull();
    expect(parseSchoolUrn('12a')).toBeNull();
    expect(parseSchoolUrn('-4')).toBeNull();
  });

  it('labels a tray with its count', () => {
    expect(trayTabLabel('allocated', 5)).toBe('Allocated (5)');
    expect(trayTabLabel('group-waiting-list', undefined)).toBe('Group waiting list');
  });
});

describe('waiting against four weeks', () => {
  it('tags each colour with words, never colour alone', () => {
    expect(ragTag('red')).toEqual({ className: 'nhsuk-tag nhsuk-tag--red', label: 'Over 4 weeks' });
    expect(ragTag('amber')).toEqual({ className: 'nhsuk-tag nhsuk-tag--orange', label: 'Nearly 4 weeks' });
    expect(ragTag('green')).toEqual({ className: 'nhsuk-tag nhsuk-tag--green', label: 'Within 4 weeks' });
  });

  it('says how long is left, or how far over', () => {
    expect(waitedWords(25, 3)).toBe('25 days (3 days left)');
    expect(waitedWords(27, 1)).toBe('27 days (1 day left)');
    expect(waitedWords(28, 0)).toBe('28 days (four weeks today)');
    expect(waitedWords(60, -32)).toBe('60 days (32 days over)');
    expect(waitedWords(1, 27)).toBe('1 day (27 days left)');
  });

  it('flags the forecast risk only before four weeks have passed', () => {
    expect(isAtRiskShown({ isAtRisk: true, rag: 'amber', daysLeft: 4 })).toBe(true);
    expect(isAtRiskShown({ isAtRisk: true, rag: 'green', daysLeft: 10 })).toBe(true);
    expect(isAtRiskShown({ isAtRisk: true, rag: 'red', daysLeft: -3 })).toBe(false);
    expect(isAtRiskShown({ isAtRisk: false, rag: 'amber', daysLeft: 4 })).toBe(false);
  });
});

describe('suggestions', () => {
  it('says each reason’s points in words', () => {
    expect(reasonWords({ points: 40, text: 'Link practitioner for this school' })).toBe(
      'Link practitioner for this school: adds 40 points',
    );
    expect(reasonWords({ points: -60, text: 'Caseload full (12 of 12)' })).toBe(
      'Caseload full (12 of 12): takes away 60 points',
    );
    expect(reasonWords({ points: 1, text: 'Has space' })).toBe('Has space: adds 1 point');
    expect(scoreWords(-35)).toBe('Score minus 35');
    expect(scoreWords(50)).toBe('Score 50');
  });

  it('shows caseload against capacity, or that none is set', () => {
    expect(caseloadOf(9, 12)).toBe('9 of 12');
    expect(caseloadOf(0, 0)).toBe('0 young people, no capacity set');
    expect(caseloadOf(1, 0)).toBe('1 young person, no capacity set');
    expect(caseloadOf(21, 12)).toBe('21 of 12 (9 over)');
  });

  it('fills in the reason from the reasons in favour', () => {
    const suggestion = {
      displayName: 'Priya Nair',
      reasons: [
        { kind: 'link-practitioner', points: 40, text: 'Link practitioner for this school' },
        { kind: 'days-in-school', points: 20, text: 'In this school 2 days a week' },
        { kind: 'spare-capacity', points: 6, text: 'Has space for 3 more (9 of 12)' },
        { kind: 'language-not-met', points: -25, text: 'Does not speak Polish' },
      ],
    };
    expect(suggestedReason(suggestion, true)).toBe(
      'Top suggestion: link practitioner for this school; in this school 2 days a week.',
    );
    expect(suggestedReason({ displayName: 'Sam Lee', reasons: [] }, false)).toBe('Chosen: Sam Lee.');
  });
});

describe('caseload and capacity', () => {
  it('says the caseload against capacity', () => {
    expect(caseloadSentence(9, 12)).toBe('You have 9 young people; your capacity is 12.');
    expect(caseloadSentence(1, 12)).toBe('You have 1 young person; your capacity is 12.');
    expect(caseloadSentence(14, 12)).toBe(
      'You have 14 young people; your capacity is 12, so you are 2 over.',
    );
    expect(caseloadSentence(3, null)).toBe(
      'You have 3 young people. Your capacity has not been set: ask your team manager.',
    );
  });

  it('puts new allocations first, keeping the order otherwise', () => {
    const items = [
      { id: 'a', isNew: false },
      { id: 'b', isNew: true },
      { id: 'c', isNew: false },
      { id: 'd', isNew: true },
    ];
    expect(newFirst(items).map((item) => item.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('names school days by weekday, grouped by school in the team’s order', () => {
    expect(weekdayList([4, 1])).toBe('Monday and Thursday');
    expect(weekdayList([5, 1, 2, 2])).toBe('Monday, Tuesday and Friday');
    expect(weekdayList([])).toBe('No days');
    const schools = [
      { urn: 1, name: 'Birchfield Primary School' },
      { urn: 2, name: 'Churchfield Academy' },
    ];
    expect(
      schoolDaysBySchool(
        [
          { schoolUrn: 2, weekday: 3 },
          { schoolUrn: 1, weekday: 1 },
          { schoolUrn: 2, weekday: 1 },
        ],
        schools,
      ),
    ).toEqual([
      { urn: 1, name: 'Birchfield Primary School', days: 'Monday' },
      { urn: 2, name: 'Churchfield Academy', days: 'Monday and Wednesday' },
    ]);
  });

  it('knows when an appointment has started', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    expect(hasStarted('2026-12-01T09:59:00Z', now)).toBe(true);
    expect(hasStarted('2026-12-01T10:01:00Z', now)).toBe(false);
  });
});

describe('bulk allocation results', () => {
  it('says what happened to each referral', () => {
    expect(bulkOutcomeWords('allocated', 'Priya Nair')).toBe('Allocated to Priya Nair');
    expect(bulkOutcomeWords('changed-since-you-looked', null)).toMatch(/changed since you looked/);
    expect(bulkOutcomeWords('no-practitioner-with-space', null)).toMatch(/nobody in the team has space/);
    expect(bulkOutcomeWords('not-found', null)).toMatch(/no longer on this waiting list/);
  });

  it('sums them up', () => {
    const allocated = { outcome: 'allocated' as const };
    const stale = { outcome: 'changed-since-you-looked' as const };
    expect(bulkSummary([allocated, allocated])).toBe('All 2 referrals were allocated.');
    expect(bulkSummary([allocated])).toBe('The referral was allocated.');
    expect(bulkSummary([allocated, stale, stale])).toBe('1 of 3 referrals was allocated.');
    expect(bulkSummary([stale, stale])).toBe('None of the referrals were allocated.');
  });
});

describe('the week ahead', () => {
  it('says the team’s pace in plain words', () => {
    expect(paceWords({ daysToAllocate: 7, daysAllocationToFirstContact: 10 })).toBe(
      'The forecast uses this team’s pace over the last six months, or a standard pace until there is enough history: allocation 7 days after a referral is received, and a first appointment 10 days after allocation. That is 17 days in all, within the four-week standard of 28 days.',
    );
    expect(paceWords({ daysToAllocate: 20, daysAllocationToFirstContact: 12 })).toMatch(
      /32 days in all, longer than the four-week standard of 28 days\.$/,
    );
  });

  it('shows a practitioner’s gender and languages tidily', () => {
    expect(genderWords('female')).toBe('Female');
    expect(genderWords(null)).toBe('Not recorded');
    expect(languageWords(['English', 'english', 'Polish'])).toBe('English, Polish');
    expect(languageWords([])).toBe('Not recorded');
  });

  it('says why an alert was raised', () => {
    expect(basisWords('unallocated-pace')).toBe('not allocated yet, at the team’s usual pace');
    expect(basisWords('something-new')).toBe('something-new');
  });
});
