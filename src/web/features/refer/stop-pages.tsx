import { CrisisServiceItems, useCrisisServices } from '../../components/help-now.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import type { Audience } from './answers.js';
import { useDirectory, useRules } from './queries.js';
import { stepTitle } from './wording.js';

/**
 * The stop page after "yes" to a risk to life: what to do right now, before anything else. The
 * request can still be sent, as urgent, but nobody should wait for it.
 */
export function StopPage({
  audience,
  backTo,
  isBusy,
  onSendAnyway,
}: {
  audience: Audience;
  backTo: string;
  isBusy: boolean;
  onSendAnyway: () => void;
}) {
  const crisis = useCrisisServices();
  const isSelf = audience === 'self';
  const title = stepTitle('stop', audience);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <BackLink to={backTo} />
        <div className="nhsuk-card nhsuk-card--care nhsuk-card--care--emergency">
          <div className="nhsuk-card__heading-container">
            <h1 className="nhsuk-card__heading">
              <span>
                <span className="nhsuk-u-visually-hidden">Immediate action required: </span>
                {isSelf ? 'Please get help now' : 'Get help for them now'}
              </span>
            </h1>
            <span className="nhsuk-card--care__arrow" aria-hidden="true" />
          </div>
          <div className="nhsuk-card__content">
            <p>
              {isSelf
                ? 'Do not wait for us to reply. We do not read requests straight away.'
                : 'Do not wait for a reply to this form. It is not read straight away.'}
            </p>
            <ul>
              <li>
                Call <a href="tel:999">999</a> or go to A&amp;E now if {isSelf ? 'you are' : 'they are'} in
                danger, badly hurt or have taken an overdose.
              </li>
              <li>
                Call <a href="tel:111">NHS 111</a> and choose option 2 for mental health. It is free and open
                all day and night.
              </li>
              <CrisisServiceItems crisis={crisis} />
              <li>
                {isSelf ? 'Childline' : 'Childline, for young people under 19'}: call{' '}
                <a href="tel:08001111">0800 1111</a>. It is free, and you can talk about anything.
              </li>
            </ul>
          </div>
        </div>
        <p>
          {isSelf
            ? 'When you are safe, you can still send this to us. We will treat it as urgent.'
            : 'You can still send this form too. We will treat it as urgent.'}
        </p>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={onSendAnyway}
          disabled={isBusy}
        >
          Send this request as urgent anyway
        </button>
      </div>
    </div>
  );
}

/** A young person under the age to ask for themselves: kindly, who can help instead. */
export function TooYoungPage({ backTo, age }: { backTo: string; age: number | null }) {
  const rules = useRules().data;
  const online = useDirectory(age === null ? {} : { age }).data?.matches.filter(
    (match) => match.kind === 'online-support' && match.fit !== 'no',
  );
  const title = stepTitle('too-young', 'self');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title={title} />
        <BackLink to={backTo} />
        <h1>{title}</h1>
        <p>
          You need to be {rules?.selfReferralMinAge ?? 'a bit older'} or older to ask for help by yourself
          here. You have done nothing wrong by trying, and you do not have to cope on your own.
        </p>
        <h2>Who can help you</h2>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            <strong>An adult you trust</strong>, such as a parent, carer, grandparent or family friend. They
            can ask for help for you here.
          </li>
          <li>
            <strong>Someone at school</strong>, such as your teacher, form tutor or school nurse. They can ask
            for you too.
          </li>
          <li>
            <strong>Childline</strong>: call <a href="tel:08001111">0800 1111</a> or go to{' '}
            <a href="https://www.childline.org.uk">childline.org.uk</a>. It is free, any time, and you can
            talk about anything.
          </li>
          {online?.map((service) => (
            <li key={service.slug}>
              <strong>{service.name}</strong>: {service.howToGetHelp}
              {service.website && (
                <>
                  {' '}
                  <a href={service.website}>{service.website.replace(/^https?:\/\//, '')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
        <p>
          If you are in danger right now, call <a href="tel:999">999</a>.
        </p>
      </div>
    </div>
  );
}
