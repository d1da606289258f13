/**
 * The messages Lantern sends outside itself, as templates. Wording is neutral: a text or email a
 * young person receives never says "mental health", "CAMHS" or "referral", because someone else
 * at home may see it (DOMAIN.md, consent and confidentiality). Personalisation never includes
 * clinical detail; referrers read the rest in Lantern.
 */
export const templates = {
  /** To a professional or parent who referred and gave an email. */
  'referral-received': {
    subject: 'We received your referral {reference}',
    body: 'Thank you. We received your referral {reference} on {receivedOn}. A clinician will look at it by {lookedAtBy}. We will tell you what we decide.',
  },
  /** To a young person who asked for help themselves, by the route they chose. */
  'request-received': {
    subject: 'We got your message',
    body: 'Hi. We got your message ({reference}). Someone from our team will be in touch by {lookedAtBy}. If you need help now, call 111 or, in an emergency, 999.',
  },
  /** To the referrer when triage decides. Status words only, never clinical detail. */
  'referral-decision': {
    subject: 'Update on referral {reference}',
    body: 'There is an update on referral {reference}: {statusText}. Sign in to Lantern, or contact the team, for more.',
  },
  /** To a young person who asked for help themselves, when triage decides. */
  'request-update': {
    subject: 'An update from us',
    body: 'Hi. There is an update about your message ({reference}). We will contact you in the way you chose. If you need help now, call 111 or, in an emergency, 999.',
  },
  /** To a practitioner: a young person was allocated to them. Details only inside Lantern. */
  'new-allocation': {
    subject: 'You have a new allocation',
    body: 'A young person has been allocated to you in {teamName} (reference {reference}). Sign in to Lantern to see who and to book a first appointment.',
  },
  /** To a team manager: the breach-prevention check found referrals at risk of waiting over four weeks. */
  'breach-risk': {
    subject: '{count} referrals may wait more than four weeks',
    body: 'The daily check found {count} referrals in {teamName} that are likely to pass four weeks before a first appointment. Sign in to Lantern to see the week ahead and allocate.',
  },
  /**
   * To the young person or parent, by the route they chose, the day before an appointment. Says
   * nothing about what the appointment is for: someone else at home may read it.
   */
  'appointment-reminder': {
    subject: 'Reminder: your appointment on {day}',
    body: 'Hi. This is a reminder that you have an appointment on {day} at {time} ({place}). If you cannot come, please let us know. Reference {reference}.',
  },
  /** A secure link to answer a questionnaire before a session. Neutral: names no service or need. */
  'questionnaire-link': {
    subject: 'A few questions before we meet',
    body: 'Hi. Before we next meet, please answer a few short questions: {link} The link works until {expiresOn}. Reference {reference}.',
  },
  /** To the referrer when the episode ends: status words only, never clinical detail. */
  'discharge-referrer': {
    subject: 'Update on referral {reference}',
    body: 'The support for referral {reference} has finished ({reasonText}) on {endedOn}. Sign in to Lantern, or contact the team, for more.',
  },
  /** To the young person or family when support ends, by the route they chose; neutral wording. */
  'discharge-family': {
    subject: 'Your support has finished',
    body: 'Hi. Your sessions with us finished on {endedOn}. Thank you for working with us. If things get harder, you can ask for help again. If you need help now, call 111 or, in an emergency, 999. Reference {reference}.',
  },
  /** To the organisation's safeguarding lead: a concern was raised. Details only inside Lantern. */
  'safeguarding-concern': {
    subject: 'A safeguarding concern was raised',
    body: 'A safeguarding concern was raised about a young person (reference {reference}) on {raisedOn}. Sign in to Lantern to see it and record what is done.',
  },
  /** To an online service's duty seniors: a counsellor escalated a chat. Reference only, never who. */
  'online-escalation': {
    subject: 'Online support escalation {reference}',
    body: 'A counsellor escalated a chat in {serviceName} at {raisedAt} (reference {reference}). Acknowledge it on the duty board within {minutes} minutes. Sign in to Lantern to see it.',
  },
  /** To the manager on call and every duty senior: an alert was not acknowledged in time. */
  'online-alert-overdue': {
    subject: 'Not yet acknowledged: online support alert {reference}',
    body: 'An alert in {serviceName} raised at {raisedAt} (reference {reference}) was not acknowledged in time. Sign in to Lantern and check the duty board now.',
  },
  /**
   * To the recovery email or phone a young person gave for online support, when they ask for it.
   * Neutral: names no service and no username, as someone else may read the phone or inbox.
   */
  'online-password-link': {
    subject: 'Choose a new password',
    body: 'Use this link to choose a new password: {link} The link works for {minutes} minutes. If you did not ask for this, ignore this message.',
  },
} as const;

export type TemplateName = keyof typeof templates;

/** Fills a template's {placeholders}; a missing value is left visible so it is noticed in testing. */
export function render(name: TemplateName, personalisation: Record<string, string>) {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => personalisation[key] ?? whole);
  return { subject: fill(templates[name].subject), body: fill(templates[name].body) };
}
