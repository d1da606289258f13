import { describe, expect, it } from 'vitest';
import { checkGroupSession, emptyGroupSession, groupField } from './group-therapy-view.js';

const candidates = [
  { referralId: 'r1', childName: 'Sam Smith' },
  { referralId: 'r2', childName: 'Ali Khan' },
];

describe('checking a group therapy session before it is sent', () => {
  it('asks for the programme, the time and who was expected', () => {
    const checked = checkGroupSession(emptyGroupSession, 't1', candidates);
    expect('errors' in checked && checked.errors.map((e) => e.field)).toEqual([
      'group-programme',
      'group-date',
      'group-attendees',
    ]);
  });

  it('asks whether each young person ticked came, by name', () => {
    const checked = checkGroupSession(
      {
        ...emptyGroupSession,
        programme: 'Managing worry',
        date: '2026-12-01',
        time: '13:00',
        attendees: { r2: '' },
      },
      't1',
      candidates,
    );
    expect('errors' in checked && checked.errors).toEqual([
      { field: 'group-attend-r2', message: 'Choose whether Ali Khan came' },
    ]);
  });

  it('builds the request in UK time, with only the young people ticked', () => {
    const checked = checkGroupSession(
      {
        programme: ' Managing worry ',
        date: '2026-06-01',
        time: '13:00',
        school: '100001',
        attendees: { r1: 'attended', r2: 'did-not-attend' },
      },
      't1',
      candidates,
    );
    expect(checked).toEqual({
      body: {
        teamId: 't1',
        schoolUrn: 100001,
        programme: 'Managing worry',
        startsAt: '2026-06-01T13:00:00+01:00',
        attendees: [
          { referralId: 'r1', attendStatus: 'attended' },
          { referralId: 'r2', attendStatus: 'did-not-attend' },
        ],
      },
    });
  });

  it('sends the API’s field names to the page’s fields', () => {
    expect(groupField('schoolUrn')).toBe('group-school');
    expect(groupField('startsAt')).toBe('group-date');
  });
});
