import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import type { SubmittedReferral } from '../../../contracts/referral-form.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { londonDate } from '../../../domain/people/child-details.js';
import { sendJson } from '../../api.js';
import { PageTitle } from '../../components/layout.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { type Answers, answersFrom, emptyAnswers } from './answers.js';
import type { StepError } from './check.js';
import { useRules } from './queries.js';
import { type Flow, ReferFlow } from './refer-flow.js';
import { SubmittedPanel } from './submitted-panel.js';
import { referPath } from './wording.js';

type PublicKind = 'parent' | 'self';

/**
 * The public form's answers live only in this tab's sessionStorage, never localStorage: on a
 * shared family computer a young person's request must be gone once the tab is closed.
 */
const storageKey = (kind: PublicKind) => `lantern.refer.${kind}`;

function load(kind: PublicKind): Answers {
  try {
    const stored = window.sessionStorage.getItem(storageKey(kind));
    return stored ? answersFrom(JSON.parse(stored)) : emptyAnswers;
  } catch {
    return emptyAnswers;
  }
}

function store(kind: PublicKind, answers: Answers | null) {
  try {
    if (answers) window.sessionStorage.setItem(storageKey(kind), JSON.stringify(answers));
    else window.sessionStorage.removeItem(storageKey(kind));
  } catch {
    // Storage can be full or blocked; the answers are still kept in the page while it is open.
  }
}

/** /refer/:kind/:step for a parent or carer, or a young person asking for themselves. */
export function PublicReferPage() {
  const { kind = '', step = '' } = useParams();
  if (kind !== 'parent' && kind !== 'self') return <NotFoundPage />;
  if (step === 'done') return <DonePage kind={kind} />;
  return <PublicFlow key={kind} kind={kind} step={step} />;
}

function PublicFlow({ kind, step }: { kind: PublicKind; step: string }) {
  const navigate = useNavigate();
  const rules = useRules();
  const [answers, setAnswers] = useState(() => load(kind));
  const [serverErrors, setServerErrors] = useState<StepError[]>([]);

  // A young person's own form needs the minimum age before it can go on.
  if (kind === 'self' && rules.isPending) return <p aria-live="polite">Loading…</p>;
  if (kind === 'self' && rules.isError) {
    return (
      <div role="alert">
        <PageTitle title="Sorry, there is a problem" />
        <h1>Sorry, there is a problem</h1>
        <p>We could not load this page. Please try again in a few minutes.</p>
        <p>
          If you need help now, call <a href="tel:111">NHS 111</a> and choose option 2, or call Childline on{' '}
          <a href="tel:08001111">0800 1111</a>.
        </p>
      </div>
    );
  }

  const flow: Flow = {
    audience: kind,
    answers,
    ctx: { today: londonDate(new Date()), selfReferralMinAge: rules.data?.selfReferralMinAge ?? null },
    save: async (next) => {
      setAnswers(next);
      store(kind, next);
      return null;
    },
    pathFor: (to, isChange) => referPath(kind, to, isChange),
    exitPath: webPaths.referStart,
    submit: async (input, idempotencyKey) => {
      const result = await sendJson<SubmittedReferral>('POST', '/api/referrals/public', input, {
        'idempotency-key': idempotencyKey,
      });
      store(kind, null);
      navigate(referPath(kind, 'done'), { replace: true, state: { result } });
    },
    serverErrors,
    setServerErrors,
  };
  return <ReferFlow flow={flow} step={step} />;
}

function DonePage({ kind }: { kind: PublicKind }) {
  const result = (useLocation().state as { result?: SubmittedReferral } | null)?.result;
  if (!result) return <Navigate to={webPaths.referStart} replace />;
  return (
    <SubmittedPanel result={result} title="Request sent">
      {kind === 'self' && (
        <p>
          This page is not saved. If you share this device, close this tab when you have finished, so nobody
          else sees it.
        </p>
      )}
    </SubmittedPanel>
  );
}
