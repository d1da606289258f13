import type { ReactNode } from 'react';
import type { SubmittedReferral } from '../../../contracts/referral-form.js';
import { PageTitle } from '../../components/layout.js';

/** The confirmation after sending: the reference, and what happens next in the API's words. */
export function SubmittedPanel({
  result,
  title,
  children,
}: {
  result: SubmittedReferral;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__title">{result.headline}</h1>
          <div className="nhsuk-panel__body">
            Your reference is
            <br />
            <strong className="lantern-break">{result.reference}</strong>
          </div>
        </div>
        {result.isUrgent && (
          <p>
            <strong className="nhsuk-tag nhsuk-tag--red">Urgent</strong>
          </p>
        )}
        <h2>What happens next</h2>
        <ol className="nhsuk-list nhsuk-list--number">
          {result.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {children}
      </div>
    </div>
  );
}
