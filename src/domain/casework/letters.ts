// Who is written to when an episode closes (docs/adr/0016). A referrer hears status words only; the
// family letter goes to the young person by the route they chose, and to carers with parental
// responsibility only when consent lets parents be told. A carer marked "do not share" never gets
// anything, not even by a shared address, and a self-referral is never revealed to the household.

export type ReferralSource = 'school' | 'gp' | 'professional' | 'parent' | 'self';

export interface LetterConsent {
  /** young-person, parent-or-carer */
  consentedBy: string;
  /** given, withdrawn */
  status: string;
  /** yes, no, young-person-will-decide */
  parentsMayBeTold: string;
  isGillickCompetent: boolean | null;
}

export interface LetterCarer {
  id: string;
  name: string;
  relationship: string;
  hasParentalResponsibility: boolean;
  email: string | null;
  phone: string | null;
  doNotShare: boolean;
}

export interface LetterInput {
  source: ReferralSource;
  /** The referrer's email: given on the form, or the signed-in referrer's own. */
  referrerEmail: string | null;
  /** The newest consent that has not been invalidated, or null when none was recorded. */
  consent: LetterConsent | null;
  youngPerson: { contactRoutes: string[]; contactPhone: string | null; contactEmail: string | null };
  carers: LetterCarer[];
}

export type LetterTemplate = 'discharge-referrer' | 'discharge-family';
export type Who = 'referrer' | 'young-person' | 'carer';

export interface LetterRecipient {
  who: Who;
  /** Words for the page, such as "Sam Jones (mother)"; never put in the letter. */
  label: string;
  channel: 'email' | 'sms';
  address: string;
  template: LetterTemplate;
  carerId?: string;
}

export interface NotWritten {
  who: Who;
  label: string;
  reason: string;
  carerId?: string;
}

export interface Letters {
  recipients: LetterRecipient[];
  notWritten: NotWritten[];
}

const professionalSources = new Set<ReferralSource>(['school', 'gp', 'professional']);
const sourceLabels: Record<ReferralSource, string> = {
  school: 'The referrer (school)',
  gp: 'The referrer (GP)',
  professional: 'The referrer (professional)',
  parent: 'The referrer (parent or carer)',
  self: 'The young person',
};

const normal = (address: string) => address.trim().toLowerCase().replace(/\s+/g, '');

/** Whether the consent in force lets the service tell parents (deny when in doubt). */
export function parentsMayBeTold(consent: LetterConsent | null): { may: boolean; why: string } {
  if (!consent) return { may: false, why: 'No consent is recorded that says parents may be told' };
  if (consent.status !== 'given') return { may: false, why: 'Consent was withdrawn' };
  if (consent.parentsMayBeTold === 'yes') return { may: true, why: '' };
  if (consent.parentsMayBeTold === 'no') {
    return {
      may: false,
      why:
        consent.isGillickCompetent === false
          ? 'The young person asked that parents are not told; talk to the family yourself if they must be'
          : 'The young person asked that their parents are not told',
    };
  }
  return { may: false, why: 'The young person has not yet said whether their parents may be told' };
}

/** The young person's own written route: email or text, as they chose. */
function youngPersonRoute(
  yp: LetterInput['youngPerson'],
): { channel: 'email' | 'sms'; address: string } | null {
  if (yp.contactRoutes.includes('email') && yp.contactEmail)
    return { channel: 'email', address: yp.contactEmail };
  if (yp.contactRoutes.includes('text') && yp.contactPhone)
    return { channel: 'sms', address: yp.contactPhone };
  return null;
}

function carerRoute(carer: LetterCarer): { channel: 'email' | 'sms'; address: string } | null {
  if (carer.email) return { channel: 'email', address: carer.email };
  if (carer.phone) return { channel: 'sms', address: carer.phone };
  return null;
}

export function letterRecipients(input: LetterInput): Letters {
  const recipients: LetterRecipient[] = [];
  const notWritten: NotWritten[] = [];

  if (professionalSources.has(input.source)) {
    const label = sourceLabels[input.source];
    if (input.referrerEmail) {
      recipients.push({
        who: 'referrer',
        label,
        channel: 'email',
        address: input.referrerEmail,
        template: 'discharge-referrer',
      });
    } else notWritten.push({ who: 'referrer', label, reason: 'We have no email address for the referrer' });
  } else if (input.source === 'parent') {
    notWritten.push({
      who: 'referrer',
      label: sourceLabels.parent,
      reason: 'Parents get the family letter below, only when consent allows',
    });
  }

  const route = youngPersonRoute(input.youngPerson);
  if (route) {
    recipients.push({
      who: 'young-person',
      label: 'The young person',
      ...route,
      template: 'discharge-family',
    });
  } else {
    notWritten.push({
      who: 'young-person',
      label: 'The young person',
      reason: 'They did not choose email or text, or we have no address for the route they chose',
    });
  }

  const consent = parentsMayBeTold(input.consent);
  for (const carer of input.carers) {
    const label = `${carer.name} (${carer.relationship})`;
    const skip = (reason: string) => notWritten.push({ who: 'carer', label, reason, carerId: carer.id });
    if (carer.doNotShare) skip('Marked: do not share information with them');
    else if (input.source === 'self')
      skip('The young person asked for help themselves: we write only by the route they chose');
    else if (!carer.hasParentalResponsibility) skip('Does not have parental responsibility');
    else if (!consent.may) skip(consent.why);
    else {
      const carerWay = carerRoute(carer);
      if (!carerWay) skip('We have no email address or mobile number for them');
      else
        recipients.push({
          who: 'carer',
          label,
          ...carerWay,
          template: 'discharge-family',
          carerId: carer.id,
        });
    }
  }

  // Addresses of anyone we must not share with are never written to, even when shared with another
  // person; and one address gets one letter of each kind.
  const barred = new Set(
    input.carers
      .filter((c) => c.doNotShare)
      .flatMap((c) => [c.email, c.phone])
      .filter((a): a is string => !!a)
      .map(normal),
  );
  const seen = new Set<string>();
  const kept: LetterRecipient[] = [];
  for (const r of recipients) {
    const key = `${r.template}|${normal(r.address)}`;
    if (barred.has(normal(r.address))) {
      notWritten.push({
        who: r.who,
        label: r.label,
        reason: 'Their address is also used by someone we must not share with',
        carerId: r.carerId,
      });
    } else if (seen.has(key)) {
      notWritten.push({
        who: r.who,
        label: r.label,
        reason: 'They share an address with someone already getting this letter',
        carerId: r.carerId,
      });
    } else {
      seen.add(key);
      kept.push(r);
    }
  }
  return { recipients: kept, notWritten };
}
