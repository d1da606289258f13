import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { SignedIn } from '../../../contracts/online-accounts.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { ApiError, sendJson } from '../../api.js';
import { ErrorSummary, RadiosField, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useSchools } from '../refer/queries.js';
import { groupByCouncil } from '../refer/questions-child.js';
import { newIdempotencyKey } from '../triage/triage-view.js';
import { YoungPersonHelpNow } from './account-help-now.js';
import {
  checkAnswers,
  emptyAnswers,
  fieldMessage,
  genderOptions,
  heardFromChoices,
  payloadOf,
  type SignUpAnswers,
  sortErrors,
} from './account-sign-up-form.js';
import { rememberYoungPersonCsrf, useOnlineStatus } from './young-person-session.js';

/** Where someone too young or too old for the service is sent: kind words and other help. */
function otherSupportPath(age: number, minAge: number) {
  return `${webPaths.onlineOtherSupport}?for=${age < minAge ? 'younger' : 'older'}`;
}

/** Making an account: one page, each question saying why we ask, errors listed at the top. */
export function OnlineSignUpPage() {
  const [answers, setAnswers] = useState<SignUpAnswers>(emptyAnswers);
  const [isBusy, setIsBusy] = useState(false);
  const form = useFormErrors();
  const status = useOnlineStatus();
  const schools = useSchools();
  const navigate = useNavigate();
  const client = useQueryClient();
  const ages = status.data?.ages ?? { minAge: 11, maxAge: 19 };
  const set = (change: Partial<SignUpAnswers>) => setAnswers((current) => ({ ...current, ...change }));
  const field = (name: keyof SignUpAnswers) => ({
    id: name,
    value: answers[name],
    error: form.errorFor(name),
    onChange: (e: { target: { value: string } }) => set({ [name]: e.target.value }),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const payload = payloadOf(answers);
    if (Number.isInteger(payload.age) && (payload.age < ages.minAge || payload.age > ages.maxAge)) {
      navigate(otherSupportPath(payload.age, ages.minAge));
      return;
    }
    const errors = checkAnswers(answers);
    if (errors.length > 0) return form.show(errors);
    setIsBusy(true);
    try {
      const signedIn = await sendJson<SignedIn>('POST', '/api/online/accounts', payload, {
        'idempotency-key': newIdempotencyKey(),
      });
      rememberYoungPersonCsrf(signedIn.csrfToken);
      // Every online query (who is signed in, above all) is asked afresh as this young person.
      await client.resetQueries({ queryKey: ['online'] });
      navigate(webPaths.onlineSpace);
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : null;
      const params = problem?.invalidParams ?? [];
      if (problem?.status === 422 && params.some((p) => p.name === 'age')) {
        navigate(otherSupportPath(payload.age, ages.minAge));
        return;
      }
      form.show(
        params.length > 0
          ? sortErrors(params.map((p) => ({ field: p.name, message: fieldMessage(p.name, p.reason) })))
          : [
              {
                field: 'username',
                message: problem?.detail ?? 'Something went wrong. Try again in a minute.',
              },
            ],
      );
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Make an account" hasError={form.errors.length > 0} />
        <BackLink to={webPaths.onlineHome}>Back</BackLink>
        <ErrorSummary ref={form.summaryRef} errors={form.errors} />
        <h1>Make an account</h1>
        <p>
          It is free and takes about 2 minutes. <strong>Do not use your real name</strong> anywhere on this
          page. We will not tell your school or family that you signed up.
        </p>
        <form onSubmit={submit} noValidate>
          <TextField
            {...field('username')}
            label="Make up a username"
            hint="This is the name our counsellors will see. Do not use your real name, email or phone number. Use 3 to 20 letters, numbers, dashes (-) or underscores (_)."
            width={20}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            {...field('password')}
            label="Choose a password"
            hint="At least 10 characters. A few random words together is a good idea, like purple-toast-river."
            width={20}
            type="password"
            autoComplete="new-password"
          />
          <TextField
            {...field('age')}
            label="How old are you?"
            hint={`We ask so we know we are the right service for you. Lantern Online is for ages ${ages.minAge} to ${ages.maxAge}.`}
            width={3}
            inputMode="numeric"
          />
          <RadiosField
            id="gender"
            legend="What is your gender?"
            hint="We ask so we can check we are helping everyone fairly."
            options={genderOptions}
            value={answers.gender}
            onChange={(gender) => set({ gender })}
            error={form.errorFor('gender')}
          />
          {answers.gender === 'self-described' && (
            <TextField {...field('genderDescription')} label="How do you describe your gender?" width={20} />
          )}
          <SelectField
            {...field('schoolUrn')}
            label="Which school or college do you go to? (optional)"
            hint="This helps us know which places we reach. We will not contact your school."
          >
            <option value="">I would rather not say, or it is not in the list</option>
            {groupByCouncil(schools.data?.schools ?? []).map(([council, list]) => (
              <optgroup label={council} key={council}>
                {list.map((school) => (
                  <option value={String(school.urn)} key={school.urn}>
                    {school.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          {!answers.schoolUrn && (
            <TextField
              {...field('area')}
              label="Or, which town or area do you live in? (optional)"
              hint="Just the town or area, not your address."
              width={20}
              autoComplete="off"
            />
          )}
          <RadiosField
            id="heardFrom"
            legend="How did you hear about Lantern Online?"
            hint="This helps other young people find us."
            options={heardFromChoices}
            value={answers.heardFrom}
            onChange={(heardFrom) => set({ heardFrom })}
            error={form.errorFor('heardFrom')}
          />
          <h2 className="nhsuk-heading-s">A way back in if you forget your password (optional)</h2>
          <p>
            If you want, give an email address or phone number. We will only use it to help you get back into
            your account. You can leave these empty.
          </p>
          <p>
            Only give an email or phone that nobody else reads: anyone who can read it could get into your
            account.
          </p>
          <TextField
            {...field('recoveryEmail')}
            label="Email address (optional)"
            width={20}
            type="email"
            autoComplete="email"
          />
          <TextField
            {...field('recoveryPhone')}
            label="Phone number (optional)"
            width={10}
            type="tel"
            autoComplete="tel"
          />
          <button className="nhsuk-button" type="submit" disabled={isBusy}>
            Make my account
          </button>
        </form>
        <p>
          Already have an account? <Link to={webPaths.onlineSignIn}>Sign in</Link>
        </p>
        <YoungPersonHelpNow />
      </div>
    </div>
  );
}
