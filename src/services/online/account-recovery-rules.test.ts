import { describe, expect, it } from 'vitest';
import { linkExpiry, recoveryRoute, tooManyLinks, windowStart } from './account-recovery-rules.js';

describe('recovery link rules', () => {
  it('sends to the email when there is one, else the phone, else nowhere', () => {
    expect(recoveryRoute({ recoveryEmail: 'a@example.com', recoveryPhone: '07700 900123' })).toEqual({
      channel: 'email',
      sentTo: 'email',
      recipient: 'a@example.com',
    });
    expect(recoveryRoute({ recoveryEmail: null, recoveryPhone: '07700 900123' })).toEqual({
      channel: 'sms',
      sentTo: 'phone',
      recipient: '07700 900123',
    });
    expect(recoveryRoute({ recoveryEmail: null, recoveryPhone: null })).toBeNull();
  });

  it('lets a link work for 30 minutes and counts 3 links in the hour before now', () => {
    const now = new Date('2026-11-09T14:00:00Z');
    expect(linkExpiry(now).toISOString()).toBe('2026-11-09T14:30:00.000Z');
    expect(windowStart(now).toISOString()).toBe('2026-11-09T13:00:00.000Z');
    expect([0, 1, 2, 3, 4].map(tooManyLinks)).toEqual([false, false, false, true, true]);
  });
});
