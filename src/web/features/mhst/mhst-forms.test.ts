import { describe, expect, it } from 'vitest';
import { milestones } from '../../../domain/waiting/clocks.js';
import { ApiError } from '../../api.js';
import {
  checkAllocation,
  checkBooking,
  checkBulk,
  checkGroup,
  checkMilestone,
  checkPause,
  checkPractitioner,
  checkPreferences,
  fieldMessage,
  isStale,
  milestoneMoment,
  problemLines,
  splitLanguages,
} from './mhst-forms.js';

const problem = (status: number, extra: object = {}) =>
  new ApiError({ type: 'about:blank', title: 'Problem', status, requestId: 'r1', ...extra });

describe('errors from the API', () => {
  it('turns instructions into sentences and names the field before fragments', () => {
    expect(fieldMessage('reason', 'give the reason for this allocation')).toBe(
      'Give the reason for this allocation',
    );
    expect(fieldMessage('caseloadCapacity', 'must be 0 or more')).toBe('Caseload capacity must be 0 or more');
    expect(fieldMessage('schoolDays.2.schoolUrn', 'is not a school this team serves')).toBe(
      'School is not a school this team serves',
    );
    expect(fieldMessage('mystery', 'is wrong')).toBe('This answer is wrong');
    expect(fieldMessage('startsAt', 'That date is too far ahead.')).toBe('That date is too far ahead.');
  });

  it('links each line to the page’s field, once per field', () => {
    const error = problem(400, {
      invalidParams: [
        { name: 'reason', reason: 'give the reason for this allocation' },
        { name: 'reason', reason: 'must be 500 characters or fewer' },
        { name: 'userId', reason: 'choose a practitioner' },
      ],
    });
    expect(problemLines(error, 'reason', (name) => `x-${name}`)).toEqual([
      { field: 'x-reason', message: 'Give the reason for this allocation' },
      { field: 'x-userId', message: 'Choose a practitioner' },
    ]);
  });

  it('falls back to the detail, or a plain message when the request failed', () => {
    expect(problemLines(problem(409, { detail: 'Already allocated.' }), 'reason')).toEqual([
      { field: 'reason', message: 'Already allocated.' },
    ]);
    expect(problemLines(new TypeError('fetch failed'), 'reason')[0]?.message).toMatch(/try again/);
    expect(isStale(problem(412))).toBe(true);
    expect(isStale(problem(409))).toBe(false);
  });
});

describe('allocation forms', () => {
  it('needs a reason to allocate', () => {
    expect(checkAllocation('u1', '  ', 'r-u1')).toEqual({
      errors: [{ field: 'r-u1', message: 'Give the reason for this allocation' }],
    });
    expect(checkAllocation('u1', ' Link practitioner ', 'r-u1')).toEqual({
      body: { kind: 'practitioner', userId: 'u1', reason: 'Link practitioner' },
    });
  });

  it('needs a group, a name for a new one, and a reason', () => {
    expect(checkGroup({ choice: '', newName: '', reason: '' })).toEqual({
      errors: [
        { field: 'group-choice', message: 'Choose a group, or name a new one' },
        { field: 'group-reason', message: 'Give the reason for putting them on this group’s waiting list' },
      ],
    });
    expect(checkGroup({ choice: 'new', newName: 'ab', reason: 'Fits well' })).toEqual({
      errors: [{ field: 'group-new-name', message: 'Enter the name of the new group' }],
    });
    expect(checkGroup({ choice: 'new', newName: ' Worry group ', reason: 'Fits well' })).toEqual({
      body: { kind: 'group-waiting-list', groupName: 'Worry group', reason: 'Fits well' },
    });
    expect(checkGroup({ choice: 'Sleep group', newName: 'ignored', reason: 'Fits well' })).toMatchObject({
      body: { groupName: 'Sleep group' },
    });
  });

  it('needs at least one referral and a reason to allocate in bulk', () => {
    expect(checkBulk([], '')).toEqual({
      errors: [
        { field: 'bulk-select', message: 'Select at least one referral to allocate' },
        { field: 'bulk-reason', message: 'Give the reason for these allocations' },
      ],
    });
    expect(checkBulk([{ referralId: 'a', version: 2 }], 'Allocation meeting')).toEqual({
      body: { items: [{ referralId: 'a', version: 2 }], reason: 'Allocation meeting' },
    });
  });

  it('sends no preference as null', () => {
    expect(checkPreferences('', '  ')).toEqual({ body: { practitionerGender: null, language: null } });
    expect(checkPreferences('female', ' Polish ')).toEqual({
      body: { practitionerGender: 'female', language: 'Polish' },
    });
    expect('errors' in checkPreferences('', 'x'.repeat(61))).toBe(true);
  });
});

describe('capacity form', () => {
  it('splits languages, dropping repeats and blanks', () => {
    expect(splitLanguages('Polish, urdu,\nPOLISH, , Welsh')).toEqual(['Polish', 'urdu', 'Welsh']);
  });

  it('needs a whole number from 0 to 100 and sends days in order', () => {
    const form = {
      capacity: '12',
      gender: ' Female ',
      languages: 'Polish',
      days: { '990052': [4, 1], '990009': [] },
    };
    expect(checkPractitioner(form, 'p-')).toEqual({
      body: {
        caseloadCapacity: 12,
        gender: 'Female',
        languages: ['Polish'],
        schoolDays: [
          { schoolUrn: 990052, weekday: 1 },
          { schoolUrn: 990052, weekday: 4 },
        ],
      },
    });
    expect(checkPractitioner({ ...form, capacity: '101' }, 'p-')).toEqual({
      errors: [
        { field: 'p-capacity', message: 'Enter the caseload capacity as a whole number from 0 to 100' },
      ],
    });
    expect('errors' in checkPractitioner({ ...form, capacity: '2.5' }, 'p-')).toBe(true);
    expect(checkPractitioner({ ...form, gender: '' }, 'p-')).toMatchObject({ body: { gender: null } });
  });
});

describe('caseload forms', () => {
  it('books at a time in England, at a school or remotely', () => {
    expect(checkBooking({ date: '2026-12-02', time: '10:00', place: '990052', kind: 'one-to-one' })).toEqual({
      body: { startsAt: '2026-12-02T10:00:00+00:00', schoolUrn: 990052, kind: 'one-to-one' },
    });
    expect(
      checkBooking({ date: '2027-06-02', time: '10:00', place: 'remote', kind: 'group-therapy' }),
    ).toEqual({
      body: { startsAt: '2027-06-02T10:00:00+01:00', schoolUrn: null, kind: 'group-therapy' },
    });
    expect(checkBooking({ date: '', time: '10:00', place: '', kind: 'one-to-one' })).toMatchObject({
      errors: [{ field: 'book-date' }, { field: 'book-place' }],
    });
  });

  it('dates a milestone now when it is today, else midday, never before the referral arrived', () => {
    const now = new Date('2026-12-01T15:30:00Z');
    expect(milestoneMoment('2026-12-01', now, '2026-10-01T09:00:00Z')).toBe('2026-12-01T15:30:00.000Z');
    expect(milestoneMoment('2026-11-20', now, '2026-10-01T09:00:00Z')).toBe('2026-11-20T12:00:00+00:00');
    expect(milestoneMoment('2026-10-01', now, '2026-10-01T14:00:00Z')).toBe('2026-10-01T14:00:00.000Z');
    expect(milestoneMoment('nope', now, '2026-10-01T14:00:00Z')).toBeNull();
  });

  it('checks a milestone', () => {
    const now = new Date('2026-12-01T15:30:00Z');
    expect(checkMilestone('', '2026-12-01', now, '2026-10-01T09:00:00Z', milestones)).toEqual({
      errors: [{ field: 'milestone', message: 'Choose what was done' }],
    });
    expect(checkMilestone('care-plan', '2026-12-05', now, '2026-10-01T09:00:00Z', milestones)).toEqual({
      errors: [{ field: 'milestone-date', message: 'The date must be today or in the past' }],
    });
    expect(checkMilestone('care-plan', '2026-11-30', now, '2026-10-01T09:00:00Z', milestones)).toEqual({
      body: { milestone: 'care-plan', occurredAt: '2026-11-30T12:00:00+00:00' },
    });
  });

  it('checks a wait the young person asked for', () => {
    expect(checkPause('2026-12-01', '', 'Exams until the end of term')).toEqual({
      body: { startsOn: '2026-12-01T00:00:00+00:00', endsOn: null, note: 'Exams until the end of term' },
    });
    expect(checkPause('2026-12-10', '2026-12-01', 'Exams')).toEqual({
      errors: [
        {
          field: 'pause-end',
          message: 'The date they are ready must be on or after the date they asked to wait from',
        },
      ],
    });
    expect(checkPause('', '', '')).toMatchObject({
      errors: [{ field: 'pause-start' }, { field: 'pause-note' }],
    });
  });
});
