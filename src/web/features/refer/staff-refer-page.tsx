import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import type { SubmittedReferral } from '../../../contracts/referral-form.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { ApiError, getJson, sendJson } from '../../api.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { useSession } from '../staff/use-session.js';
import type { StepError } from './check.js';
import { type Flow, ReferFlow } from './refer-flow.js';
import { draftAnswers, type ReferralDraft, staffGate } from './staff-refer-start-page.js';
import { SubmittedPanel } from './submitted-panel.js';
import { staffReferPath } from './wording.js';

/** /staff/refer/:draftId/:step: the referral form for staff, saved to a server draft after each page. */
export function StaffReferPage() {
  const { draftId = '', step = '' } = useParams();
  return <StaffFlow key={draftId} draftId={draftId} step={step} />;
}

function StaffFlow({ draftId, step }: { draftId: string; step: string }) {
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [serverErrors, setServerErrors] = useState<StepError[]>([]);
  const canRefer =
    session.data?.state === 'signed-in' && session.data.permissions.includes('referral:create');
  const queryKey = ['referral-draft', draftId];
  const draft = useQuery({
    queryKey,
    queryFn: ({ signal }) =>
      getJson<ReferralDraft>(`/api/referral-drafts/${encodeURIComponent(draftId)}`, signal),
    enabled: canRefer,
    staleTime: 0,
  });
  const gate = staffGate(session);
  if (gate) return gate;
  if (draft.error instanceof ApiError && draft.error.problem.status === 404) return <NotFoundPage />;
  if (draft.isError) return <p role="alert">Sorry, we could not load this referral. Please try again.</p>;
  if (!draft.data) return <p aria-live="polite">Loading…</p>;
  const current = draft.data;

  const flow: Flow = {
    audience: 'staff',
    answers: draftAnswers(current),
    ctx: { today: londonDate(new Date()), selfReferralMinAge: null },
    save: async (answers) => {
      try {
        const saved = await sendJson<ReferralDraft>(
          'PUT',
          `/api/referral-drafts/${encodeURIComponent(draftId)}`,
          { kind: answers.staffKind || current.kind, answers },
          { 'if-match': `"${current.version}"` },
        );
        client.setQueryData(queryKey, saved);
        return null;
      } catch (error) {
        if (error instanceof ApiError && error.problem.status === 412) {
          await client.invalidateQueries({ queryKey });
          return 'This referral was changed somewhere else, perhaps in another tab. We have loaded the latest answers: check this page and continue.';
        }
        return error instanceof ApiError
          ? (error.problem.detail ?? error.problem.title)
          : 'We could not save your answers. Check your connection and try again.';
      }
    },
    pathFor: (to, isChange) => staffReferPath(draftId, to, isChange),
    exitPath: webPaths.staffReferStart,
    submit: async (input, idempotencyKey) => {
      // Naming the draft closes it, so it leaves the list of referrals started.
      const body = { ...input, draftId };
      const result = await sendJson<SubmittedReferral>('POST', '/api/referrals', body, {
        'idempotency-key': idempotencyKey,
      });
      await client.invalidateQueries({ queryKey: ['referral-drafts'] });
      navigate(webPaths.staffReferSent, { replace: true, state: { result } });
    },
    serverErrors,
    setServerErrors,
  };
  return <ReferFlow flow={flow} step={step} />;
}

/** /staff/refer/sent: the reference and what happens next. */
export function StaffReferSentPage() {
  const result = (useLocation().state as { result?: SubmittedReferral } | null)?.result;
  if (!result) return <Navigate to={webPaths.staffReferStart} replace />;
  return (
    <SubmittedPanel result={result} title="Referral sent">
      <p>
        <Link to={webPaths.myReferrals}>See referrals you have made</Link> to follow what happens.
      </p>
      <p>
        <Link to={webPaths.staffReferStart}>Refer another child or young person</Link>
      </p>
    </SubmittedPanel>
  );
}
