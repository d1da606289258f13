import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { Draft, DraftList } from '../../../contracts/referral-form.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { getJson, sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { problemErrors } from '../staff/problem-errors.js';
import { useSession } from '../staff/use-session.js';
import { answersFrom, emptyAnswers, type StaffKind } from './answers.js';
import { firstIncompleteStep } from './check.js';
import { options, staffKinds, staffReferPath } from './wording.js';

export type ReferralDraft = z.infer<typeof Draft>;

/** Signed-in staff who may refer, or what to show instead. */
export function staffGate(session: ReturnType<typeof useSession>): ReactNode | null {
  if (session.isPending) return <p aria-live="polite">Loading…</p>;
  if (session.data?.state !== 'signed-in') return <Navigate to={webPaths.signIn} replace />;
  if (!session.data.permissions.includes('referral:create')) {
    return (
      <>
        <PageTitle title="You cannot make referrals" />
        <h1>You cannot make referrals</h1>
        <p>Your account does not have permission to refer. Ask your service manager if you need it.</p>
      </>
    );
  }
  return null;
}

export function draftAnswers(draft: ReferralDraft) {
  const answers = answersFrom(draft.answers);
  return { ...answers, staffKind: answers.staffKind || draft.kind };
}

function DraftsTable({ drafts }: { drafts: ReferralDraft[] }) {
  if (drafts.length === 0) return null;
  const ctx = { today: londonDate(new Date()), selfReferralMinAge: null };
  return (
    <ResponsiveTable
      caption="Referrals you have started"
      headings={['Child or young person', 'Last saved', 'Action']}
    >
      {drafts.map((draft) => {
        const answers = draftAnswers(draft);
        const name = `${answers.givenName} ${answers.familyName}`.trim() || 'No name yet';
        return (
          <tr className="nhsuk-table__row" key={draft.id}>
            <Cell heading="Child or young person">{name}</Cell>
            <Cell heading="Last saved">
              {new Date(draft.updatedAt).toLocaleString('en-GB', {
                timeZone: 'Europe/London',
                dateStyle: 'medium',
                timeStyle: 'short',
              })}
            </Cell>
            <Cell heading="Action">
              <Link to={staffReferPath(draft.id, firstIncompleteStep('staff', answers, ctx))}>
                Continue<span className="nhsuk-u-visually-hidden"> the referral for {name}</span>
              </Link>
            </Cell>
          </tr>
        );
      })}
    </ResponsiveTable>
  );
}

/** /staff/refer: start a referral (a server draft), or carry on with one already started. */
export function StaffReferStartPage() {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const canRefer =
    session.data?.state === 'signed-in' && session.data.permissions.includes('referral:create');
  const drafts = useQuery({
    queryKey: ['referral-drafts'],
    queryFn: ({ signal }) => getJson<z.infer<typeof DraftList>>('/api/referral-drafts', signal),
    enabled: canRefer,
    staleTime: 0,
  });
  const [kind, setKind] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [isBusy, setBusy] = useState(false);
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  const gate = staffGate(session);
  if (gate) return gate;
  const user = session.data?.user;

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!kind) {
      show([{ field: 'staffKind', message: 'Choose who you are referring as' }]);
      return;
    }
    setBusy(true);
    try {
      const answers = {
        ...emptyAnswers,
        staffKind: kind as StaffKind,
        referrerName: user?.displayName ?? '',
        referrerEmail: user?.email ?? '',
      };
      const draft = await sendJson<ReferralDraft>(
        'POST',
        '/api/referral-drafts',
        { kind, answers },
        { 'idempotency-key': idempotencyKey },
      );
      client.setQueryData(['referral-draft', draft.id], draft);
      await client.invalidateQueries({ queryKey: ['referral-drafts'] });
      navigate(staffReferPath(draft.id, 'about-you'));
    } catch (error) {
      show(problemErrors(error, 'staffKind'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Refer a child or young person" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>Refer a child or young person</h1>
        <p>
          Refer to the single front door for children and young people's mental health. Your answers are saved
          after each page, so you can stop and carry on later.
        </p>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span>
              <span className="nhsuk-u-visually-hidden">Important: </span>If a child is at risk now
            </span>
          </h2>
          <p>
            Do not wait for a referral. Call 999, or follow your safeguarding procedures and contact
            children's social care.
          </p>
        </div>
        {drafts.isError && <p role="alert">Sorry, we could not load the referrals you started.</p>}
        {drafts.data && <DraftsTable drafts={drafts.data.drafts} />}
        <h2>Start a new referral</h2>
        <form onSubmit={start} noValidate>
          <RadiosField
            id="staffKind"
            legend="Who are you referring as?"
            options={options(staffKinds)}
            value={kind}
            onChange={setKind}
            error={errorFor('staffKind')}
          />
          <button className="nhsuk-button" type="submit" disabled={isBusy}>
            Start a referral
          </button>
        </form>
        <p>
          <Link to={webPaths.myReferrals}>See referrals you have made</Link>
        </p>
      </div>
    </div>
  );
}
