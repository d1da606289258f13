import { useState } from 'react';
import { Link } from 'react-router';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { AnswerQuestionForm } from './answer-question-form.js';
import { SummaryList } from './fields.js';
import { LoadError, useStaffAccess } from './staff-access.js';
import { referrerLines } from './triage-forms.js';
import { useMyReferrals } from './triage-queries.js';
import { formatDate } from './triage-view.js';

/** The referrer's view: each referral they made, where it has got to, and who is helping. No clinical detail. */
export function MyReferralsPage() {
  const { allowed, gate } = useStaffAccess('referral:create', 'make referrals');
  const referrals = useMyReferrals(allowed);
  const [notice, setNotice] = useState<string | null>(null);
  if (gate) return gate;
  const list = referrals.data?.referrals ?? [];

  return (
    <>
      <PageTitle title="Referrals you made" />
      <BackLink to={webPaths.staffHome}>Your account</BackLink>
      <h1>Referrals you made</h1>
      <p>
        Where each referral you made has got to, and who is helping. The clinical team's notes are not shown
        here.
      </p>
      <p role="status">{notice}</p>
      <Link className="nhsuk-button" to={webPaths.staffReferStart}>
        Make a new referral
      </Link>
      {referrals.isPending && <p aria-live="polite">Loading…</p>}
      {referrals.isError && <LoadError error={referrals.error} />}
      {referrals.data && list.length === 0 && <p>You have not made any referrals yet.</p>}
      {list.map((referral) => (
        <section className="nhsuk-card" key={referral.id} aria-labelledby={`referral-${referral.id}`}>
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-m" id={`referral-${referral.id}`}>
              {referral.childName}
              <span className="nhsuk-caption-m">
                Reference {referral.reference}, sent {formatDate(referral.receivedAt)}
              </span>
            </h2>
            {referral.question && (
              <div className="nhsuk-warning-callout">
                <h3 className="nhsuk-warning-callout__label">
                  <span>
                    <span className="nhsuk-u-visually-hidden">Important: </span>
                    More information is needed
                  </span>
                </h3>
                <p className="lantern-pre-line">{referral.question}</p>
                <AnswerQuestionForm
                  referralId={referral.id}
                  onAnswered={() => {
                    setNotice(
                      `Thank you. Your answer about ${referral.reference} has gone to the triage team.`,
                    );
                    void referrals.refetch();
                  }}
                />
              </div>
            )}
            <SummaryList
              rows={referrerLines(referral).filter(
                ([label]) => !(referral.question && label === 'More information needed'),
              )}
            />
          </div>
        </section>
      ))}
    </>
  );
}
