import type { TriageReferral } from '../../../contracts/triage.js';
import { SummaryList } from './fields.js';
import {
  consentedByWords,
  consentStatusWords,
  contactRouteWords,
  durationWords,
  ethnicityWords,
  genderWords,
  impactWords,
  needWords,
  parentsMayBeToldWords,
  yesNo,
} from './referral-words.js';
import { formatCalendarDate, formatDateTime } from './triage-view.js';

// The referral as it was made: who the child is, who cares for them, what is happening, risk,
// consent and who referred. Every answer is shown as text; React escapes it.

const orNot = (value: string | null | undefined, missing = 'Not given') =>
  value === null || value === undefined || value.trim() === '' ? missing : value;

export function ChildSection({ referral }: { referral: TriageReferral }) {
  const { child } = referral;
  return (
    <section aria-labelledby="child-heading">
      <h2 id="child-heading">Child or young person</h2>
      <SummaryList
        rows={[
          ['Name', `${child.givenName} ${child.familyName}`],
          ['Date of birth', `${formatCalendarDate(child.dateOfBirth)} (age ${child.age})`],
          ['NHS number', orNot(child.nhsNumber)],
          [
            'Gender',
            child.gender === 'self-described' && child.genderSelfDescription
              ? `${genderWords(child.gender)}: ${child.genderSelfDescription}`
              : genderWords(child.gender),
          ],
          ['Ethnicity', ethnicityWords(child.ethnicity)],
          [
            'School',
            child.schoolName
              ? `${child.schoolName}${child.schoolUrn ? ` (URN ${child.schoolUrn})` : ''}`
              : 'Not given',
          ],
          ['Postcode', orNot(child.postcode)],
          ['GP practice', orNot(child.gpPractice)],
          [
            'How to contact',
            child.contactRoutes.length === 0
              ? 'Not given'
              : child.contactRoutes.map((r) => contactRouteWords(r)).join(', '),
          ],
          ['Phone', orNot(child.contactPhone)],
          [
            'Email',
            <span className="lantern-break" key="email">
              {orNot(child.contactEmail)}
            </span>,
          ],
          ['Can leave a message', child.canLeaveMessage ? 'Yes' : 'No: do not leave a message'],
        ]}
      />
    </section>
  );
}

export function CarersSection({ carers }: { carers: TriageReferral['carers'] }) {
  return (
    <section aria-labelledby="carers-heading">
      <h2 id="carers-heading">Parents and carers</h2>
      {carers.length === 0 && <p>None were given.</p>}
      {carers.map((carer) => (
        <div className="nhsuk-card" key={carer.id}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-s">
              {carer.name} ({carer.relationship})
            </h3>
            {carer.doNotShare && (
              <div className="nhsuk-warning-callout">
                <h4 className="nhsuk-warning-callout__label">
                  <span>
                    <span className="nhsuk-u-visually-hidden">Important: </span>
                    Do not share information with this person
                  </span>
                </h4>
                <p className="lantern-pre-line">{orNot(carer.doNotShareReason, 'No reason was given.')}</p>
              </div>
            )}
            <SummaryList
              rows={[
                ['Parental responsibility', carer.hasParentalResponsibility ? 'Yes' : 'No'],
                ['Phone', orNot(carer.phone)],
                [
                  'Email',
                  <span className="lantern-break" key="email">
                    {orNot(carer.email)}
                  </span>,
                ],
              ]}
            />
          </div>
        </div>
      ))}
    </section>
  );
}

export function AnswersSection({ referral }: { referral: TriageReferral }) {
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">What the referral says</h2>
      <SummaryList
        rows={[
          [
            'Worries',
            referral.presentingNeeds.length === 0 ? (
              'None chosen'
            ) : (
              <ul className="nhsuk-list nhsuk-list--bullet" key="needs">
                {referral.presentingNeeds.map((need) => (
                  <li key={need}>{needWords(need)}</li>
                ))}
              </ul>
            ),
          ],
          ["What's happening", orNot(referral.needDescription)],
          ['How long', durationWords(referral.needDuration)],
          ['How much it affects daily life', impactWords(referral.needImpact)],
          ['Tried so far', orNot(referral.triedSoFar, 'Nothing given')],
        ]}
      />
    </section>
  );
}

export function RiskSection({ risk }: { risk: TriageReferral['risk'] }) {
  const answers: [string, boolean][] = [
    ['Risk to their life now', risk.riskToLifeNow],
    ['Hurt themselves recently', risk.recentSelfHarm],
    ['Risk to other people', risk.riskToOthers],
  ];
  const yeses = answers.filter(([, value]) => value);
  return (
    <section aria-labelledby="risk-heading">
      <h2 id="risk-heading">Risk</h2>
      {yeses.length > 0 && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span>
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Risk was reported
            </span>
          </h3>
          <ul>
            {yeses.map(([label]) => (
              <li key={label}>{label}: yes</li>
            ))}
          </ul>
          {risk.details.trim() !== '' && <p className="lantern-pre-line">{risk.details}</p>}
        </div>
      )}
      <SummaryList
        rows={[
          ...answers.map(([label, value]): [string, string] => [label, value ? 'Yes' : 'No']),
          ['Details', orNot(risk.details, 'None given')],
        ]}
      />
    </section>
  );
}

export function ConsentSection({ consent }: { consent: TriageReferral['consent'] }) {
  return (
    <section aria-labelledby="consent-heading">
      <h2 id="consent-heading">Consent</h2>
      {!consent ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">No consent is recorded</h3>
          <p>Check consent with the young person or a parent before sharing information.</p>
        </div>
      ) : (
        <SummaryList
          rows={[
            ['Consent', consentStatusWords(consent.status)],
            ['Given by', consentedByWords(consent.consentedBy)],
            ['Gillick competent', yesNo(consent.isGillickCompetent, 'Not assessed')],
            ['Assessed by', orNot(consent.gillickAssessedBy, 'Not assessed')],
            ['Parents or carers may be told', parentsMayBeToldWords(consent.parentsMayBeTold)],
            ['Recorded', formatDateTime(consent.recordedAt)],
          ]}
        />
      )}
    </section>
  );
}

export function ReferrerSection({ referrer }: { referrer: TriageReferral['referrer'] }) {
  return (
    <section aria-labelledby="referrer-heading">
      <h2 id="referrer-heading">Who referred</h2>
      <SummaryList
        rows={[
          ['Name', orNot(referrer.name)],
          ['Role', orNot(referrer.role)],
          ['Organisation', orNot(referrer.organisation)],
          ['Phone', orNot(referrer.phone)],
          [
            'Email',
            <span className="lantern-break" key="email">
              {orNot(referrer.email)}
            </span>,
          ],
        ]}
      />
    </section>
  );
}
