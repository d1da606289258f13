import { describe, expect, it } from 'vitest';
import { attendWords, kindWords, placeWords, remindersSentence, reminderWords } from './clock-words.js';

const now = new Date('2026-12-01T10:00:00Z');
const booked = { attendStatus: null, startsAt: '2026-12-03T10:00:00Z' };

describe('appointment words', () => {
  it('say where and what kind, with a group’s programme', () => {
    expect(placeWords({ medium: 'video', schoolName: null })).toBe('By video');
    expect(placeWords({ medium: 'in-person', schoolName: 'Hill School' })).toBe('In person at Hill School');
    expect(kindWords({ kind: 'group-therapy', groupProgramme: 'Managing worry' })).toBe(
      'Group session: Managing worry',
    );
    expect(kindWords({ kind: 'one-to-one', groupProgramme: null })).toBe('One-to-one');
  });

  it('say who cancelled in plain words', () => {
    expect(attendWords['cancelled-by-patient']).toBe('Cancelled by the young person or family');
    expect(attendWords['cancelled-by-service']).toBe('Cancelled by us');
  });

  it('say how the reminder goes, or why there is none', () => {
    const sms = { channel: 'sms' } as const;
    expect(reminderWords({ ...booked, reminder: { channel: 'sms', state: 'waiting' } }, sms, now)).toBe(
      'Reminder by text the day before',
    );
    expect(reminderWords({ ...booked, reminder: { channel: 'email', state: 'sent' } }, sms, now)).toBe(
      'Reminder sent by email',
    );
    expect(reminderWords({ ...booked, reminder: null }, { channel: null, why: 'no-route' }, now)).toBe(
      'No reminder: no contact route chosen',
    );
    expect(remindersSentence({ channel: null, why: 'no-route' })).toContain('no text or email contact route');
    expect(remindersSentence(sms)).toContain('by text the day before');
  });
});
