import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LetterCarer, type LetterInput, letterRecipients, parentsMayBeTold } from './letters.js';

const mum: LetterCarer = {
  id: 'c1',
  name: 'Alex Doe',
  relationship: 'mother',
  hasParentalResponsibility: true,
  email: 'alex@example.test',
  phone: '07700900001',
  doNotShare: false,
};
const consent = {
  consentedBy: 'young-person',
  status: 'given',
  parentsMayBeTold: 'yes',
  isGillickCompetent: true,
};
const base: LetterInput = {
  source: 'school',
  referrerEmail: 'senco@school.example.test',
  consent: {
    consentedBy: 'young-person',
    status: 'given',
    parentsMayBeTold: 'yes',
    isGillickCompetent: true,
  },
  youngPerson: { contactRoutes: ['text'], contactPhone: '07700900002', contactEmail: null },
  carers: [mum],
};

describe('letterRecipients', () => {
  it('writes to the referrer, the young person by their route and a carer when consent allows', () => {
    const { recipients, notWritten } = letterRecipients(base);
    expect(recipients.map((r) => [r.who, r.channel, r.template])).toEqual([
      ['referrer', 'email', 'discharge-referrer'],
      ['young-person', 'sms', 'discharge-family'],
      ['carer', 'email', 'discharge-family'],
    ]);
    expect(notWritten).toEqual([]);
  });

  it('does not write to parents when the young person said no, and says why', () => {
    const { recipients, notWritten } = letterRecipients({
      ...base,
      consent: { ...consent, parentsMayBeTold: 'no' },
    });
    expect(recipients.some((r) => r.who === 'carer')).toBe(false);
    expect(notWritten).toEqual([
      expect.objectContaining({
        who: 'carer',
        reason: 'The young person asked that their parents are not told',
      }),
    ]);
  });

  it('never writes to a do-not-share carer, even at the young person’s shared email', () => {
    const letters = letterRecipients({
      ...base,
      youngPerson: { contactRoutes: ['email'], contactPhone: null, contactEmail: 'ALEX@example.test ' },
      carers: [{ ...mum, doNotShare: true }],
    });
    expect(letters.recipients.map((r) => r.who)).toEqual(['referrer']);
    expect(letters.notWritten.map((n) => n.reason)).toEqual([
      'Marked: do not share information with them',
      'Their address is also used by someone we must not share with',
    ]);
  });

  it('a self-referral writes only by the young person’s chosen route', () => {
    const letters = letterRecipients({ ...base, source: 'self' });
    expect(letters.recipients).toEqual([
      expect.objectContaining({ who: 'young-person', address: '07700900002' }),
    ]);
    expect(letters.notWritten[0]?.reason).toMatch(/asked for help themselves/);
  });

  it('explains a missing referrer email and a carer without parental responsibility', () => {
    const letters = letterRecipients({
      ...base,
      referrerEmail: null,
      carers: [{ ...mum, hasParentalResponsibility: false }],
    });
    expect(letters.notWritten.map((n) => n.reason)).toEqual([
      'We have no email address for the referrer',
      'Does not have parental responsibility',
    ]);
  });

  it('reads consent cautiously', () => {
    expect(parentsMayBeTold(null).may).toBe(false);
    expect(parentsMayBeTold({ ...consent, status: 'withdrawn' }).may).toBe(false);
    expect(parentsMayBeTold({ ...consent, parentsMayBeTold: 'young-person-will-decide' }).may).toBe(false);
  });
});

const address = fc.constantFrom('a@x.test', 'b@x.test', 'A@X.test', '07700900001', '07700900002', null);
const carer = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom('Alex', 'Sam'),
  relationship: fc.constantFrom('mother', 'father', 'aunt'),
  hasParentalResponsibility: fc.boolean(),
  email: address,
  phone: address,
  doNotShare: fc.boolean(),
});
const input: fc.Arbitrary<LetterInput> = fc.record({
  source: fc.constantFrom('school', 'gp', 'professional', 'parent', 'self' as const),
  referrerEmail: address,
  consent: fc.option(
    fc.record({
      consentedBy: fc.constantFrom('young-person', 'parent-or-carer'),
      status: fc.constantFrom('given', 'withdrawn'),
      parentsMayBeTold: fc.constantFrom('yes', 'no', 'young-person-will-decide'),
      isGillickCompetent: fc.option(fc.boolean(), { nil: null }),
    }),
    { nil: null },
  ),
  youngPerson: fc.record({
    contactRoutes: fc.subarray(['phone', 'text', 'email', 'letter']),
    contactPhone: address,
    contactEmail: address,
  }),
  carers: fc.array(carer, { maxLength: 4 }),
});
const norm = (a: string) => a.trim().toLowerCase();

describe('letterRecipients never-cases', () => {
  it('never writes to a do-not-share carer or any of their addresses', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { recipients } = letterRecipients(i);
        const barred = i.carers.filter((c) => c.doNotShare);
        const barredAddresses = barred
          .flatMap((c) => [c.email, c.phone])
          .filter((a) => a !== null)
          .map(norm);
        for (const r of recipients) {
          expect(barred.map((c) => c.id)).not.toContain(r.carerId);
          expect(barredAddresses).not.toContain(norm(r.address));
        }
      }),
    );
  });

  it('never writes to carers unless consent says parents may be told and they hold parental responsibility', () => {
    fc.assert(
      fc.property(input, (i) => {
        const carers = letterRecipients(i).recipients.filter((r) => r.who === 'carer');
        if (!parentsMayBeTold(i.consent).may || i.source === 'self') expect(carers).toEqual([]);
        for (const r of carers) {
          expect(i.carers.find((c) => c.id === r.carerId)?.hasParentalResponsibility).toBe(true);
        }
      }),
    );
  });

  it('a self-referral writes only to the young person, by a route they chose', () => {
    fc.assert(
      fc.property(input, (i) => {
        if (i.source !== 'self') return;
        for (const r of letterRecipients({ ...i, source: 'self' }).recipients) {
          expect(r.who).toBe('young-person');
          const chosen = r.channel === 'email' ? 'email' : 'text';
          expect(i.youngPerson.contactRoutes).toContain(chosen);
          expect(r.address).toBe(
            r.channel === 'email' ? i.youngPerson.contactEmail : i.youngPerson.contactPhone,
          );
        }
      }),
    );
  });

  it('the referrer letter goes only to a professional referrer; everyone else gets the family letter', () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const r of letterRecipients(i).recipients) {
          expect(r.template).toBe(r.who === 'referrer' ? 'discharge-referrer' : 'discharge-family');
          if (r.who === 'referrer') expect(['school', 'gp', 'professional']).toContain(i.source);
        }
      }),
    );
  });

  it('accounts for every carer: each is written to or listed with a reason', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { recipients, notWritten } = letterRecipients(i);
        for (const c of i.carers) {
          const count =
            recipients.filter((r) => r.carerId === c.id).length +
            notWritten.filter((n) => n.carerId === c.id).length;
          expect(count).toBe(1);
        }
        for (const n of notWritten) expect(n.reason.length).toBeGreaterThan(10);
      }),
    );
  });
});
