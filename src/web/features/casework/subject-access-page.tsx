import { type FormEvent, useState } from 'react';
import type { SubjectAccessChild } from '../../../contracts/records.js';
import { ErrorSummary, RadiosField, TextField, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { problemLines } from '../mhst/mhst-forms.js';
import { SummaryList } from '../triage/fields.js';
import { useStaffAccess } from '../triage/staff-access.js';
import { formatDate } from '../triage/triage-view.js';
import { searchChild } from './subject-access-api.js';
import { PastRequests } from './subject-access-past-requests.js';
import { RequestForm } from './subject-access-request-form.js';

type SearchBy = 'nhsNumber' | 'reference';

/**
 * Subject access requests, for the privacy officer: find the child, say who is asking, see what
 * would be withheld and why, then download the record as JSON or PDF. Past requests are listed.
 */
export function SubjectAccessPage() {
  const { allowed, gate } = useStaffAccess('subject-access:export', 'answer subject access requests');
  const [searchBy, setSearchBy] = useState<SearchBy>('nhsNumber');
  const [term, setTerm] = useState('');
  const [child, setChild] = useState<SubjectAccessChild | null>(null);
  const [isSearching, setSearching] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();
  if (gate) return gate;

  async function search(event: FormEvent) {
    event.preventDefault();
    if (isSearching) return;
    if (!term.trim()) {
      show([
        {
          field: 'search-term',
          message: searchBy === 'nhsNumber' ? 'Enter the NHS number' : 'Enter the referral reference',
        },
      ]);
      return;
    }
    setSearching(true);
    setChild(null);
    try {
      const found = await searchChild(
        searchBy === 'nhsNumber' ? { nhsNumber: term.trim() } : { reference: term.trim() },
      );
      clear();
      setChild(found);
    } catch (error) {
      show(
        problemLines(error, 'search-term', () => 'search-term').map((line) =>
          line.message.startsWith('There is no record')
            ? { ...line, message: 'No record matches. Check the number or reference and try again.' }
            : line,
        ),
      );
    } finally {
      setSearching(false);
    }
  }

  return (
    <>
      <PageTitle title="Subject access requests" hasError={errors.length > 0} />
      <ErrorSummary errors={errors} ref={summaryRef} />
      <h1>Subject access requests</h1>
      <p>
        Find the young person’s record, say who is asking, and check what will be withheld before you download
        a copy. Every search and download is written to the access log.
      </p>
      <form onSubmit={search} noValidate aria-labelledby="find-heading">
        <h2 id="find-heading">Find the record</h2>
        <RadiosField
          id="search-by"
          legend="Search by"
          options={[
            { value: 'nhsNumber', label: 'NHS number' },
            { value: 'reference', label: 'Referral reference' },
          ]}
          value={searchBy}
          onChange={(value) => setSearchBy(value as SearchBy)}
        />
        <TextField
          id="search-term"
          label={searchBy === 'nhsNumber' ? 'NHS number' : 'Referral reference'}
          hint={searchBy === 'nhsNumber' ? 'For example, 943 476 5919' : 'For example, LV-7K3P-QX'}
          width={10}
          autoComplete="off"
          spellCheck={false}
          value={term}
          error={errorFor('search-term')}
          onChange={(event) => setTerm(event.target.value)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={isSearching}>
          Find the record
        </button>
      </form>
      {child && (
        <section aria-labelledby="child-heading">
          <h2 id="child-heading">
            {child.givenName} {child.familyName}
          </h2>
          <SummaryList
            rows={[
              ['Date of birth', formatDate(child.dateOfBirth)],
              [
                'Referrals',
                child.referrals
                  .map((r) => `${r.reference} (received ${formatDate(r.receivedOn)})`)
                  .join('\n') || 'None',
              ],
            ]}
          />
          <RequestForm key={child.id} child={child} />
        </section>
      )}
      <PastRequests isAllowed={allowed} />
    </>
  );
}
