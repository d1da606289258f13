import { contactRoutes } from '../../../contracts/referral-form.js';
import { RadiosField, TextField } from '../../components/form.js';
import { needsGillick, youngPersonAgreesLabels } from './answers.js';
import { CheckboxesField, TextareaField } from './fields.js';
import type { Question, QuestionProps } from './question-page.js';
import {
  consentByLabels,
  contactRouteLabels,
  options,
  parentsMayBeToldLabels,
  yesNoOptions,
} from './wording.js';

/** Consent, and how to get in touch. */

function SelfConsent({ audience, answers, set, errorFor }: QuestionProps) {
  return (
    <>
      <RadiosField
        id="consentGiven"
        legend="Are you happy for us to contact you?"
        hint="We will only contact you about this request."
        options={[
          { value: 'yes', label: 'Yes, you can contact me' },
          { value: 'no', label: 'No, not yet' },
        ]}
        value={answers.consentGiven}
        onChange={(value) => set({ consentGiven: value as 'yes' | 'no' })}
        error={errorFor('consentGiven')}
      />
      <RadiosField
        id="parentsMayBeTold"
        legend="Can we tell your parents or carers that you asked for help?"
        hint="If we are very worried about your safety we may need to tell someone, but we will try to talk to you first."
        options={options(parentsMayBeToldLabels(audience))}
        value={answers.parentsMayBeTold}
        onChange={(value) => set({ parentsMayBeTold: value as 'yes' })}
        error={errorFor('parentsMayBeTold')}
      />
    </>
  );
}

function ParentConsent({ answers, set, errorFor }: QuestionProps) {
  return (
    <>
      <RadiosField
        id="consentGiven"
        legend="Do you have parental responsibility for them, and do you agree to this request?"
        hint="Parental responsibility means having the legal right to make decisions for a child. Mothers and most fathers have it. Other carers may have it through a court order."
        options={[
          { value: 'yes', label: 'Yes, I have parental responsibility and I agree' },
          { value: 'no', label: 'No' },
        ]}
        value={answers.consentGiven}
        onChange={(value) => set({ consentGiven: value as 'yes' | 'no' })}
        error={errorFor('consentGiven')}
      />
      <RadiosField
        id="youngPersonAgrees"
        legend="Does the young person know about this request, and agree to it?"
        hint="It helps if they know. We will also ask them what they want."
        options={options(youngPersonAgreesLabels)}
        value={answers.youngPersonAgrees}
        onChange={(value) => set({ youngPersonAgrees: value as 'yes' })}
        error={errorFor('youngPersonAgrees')}
      />
    </>
  );
}

function StaffConsent({ audience, answers, set, errorFor, ctx }: QuestionProps) {
  const isGillick = needsGillick(audience, answers, ctx.today);
  return (
    <>
      <RadiosField
        id="consentBy"
        legend="Who agreed to this referral?"
        options={options(consentByLabels)}
        value={answers.consentBy}
        onChange={(value) => set({ consentBy: value as 'young-person' })}
        error={errorFor('consentBy')}
      />
      <RadiosField
        id="consentGiven"
        legend="Have they given consent for this referral?"
        options={yesNoOptions}
        value={answers.consentGiven}
        onChange={(value) => set({ consentGiven: value as 'yes' })}
        error={errorFor('consentGiven')}
      />
      {isGillick && (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Gillick competence</legend>
          <p>They are under 16 and agreed for themselves, so record the competence assessment.</p>
          <RadiosField
            id="gillickCompetent"
            legend="Were they assessed as competent to agree for themselves?"
            options={yesNoOptions}
            value={answers.gillickCompetent}
            onChange={(value) => set({ gillickCompetent: value as 'yes' })}
            error={errorFor('gillickCompetent')}
          />
          <TextField
            id="gillickAssessedBy"
            label="Who assessed their competence?"
            hint="Name and role"
            width={20}
            autoComplete="off"
            value={answers.gillickAssessedBy}
            onChange={(e) => set({ gillickAssessedBy: e.target.value })}
            error={errorFor('gillickAssessedBy')}
          />
          <TextareaField
            id="gillickNotes"
            label="Notes on the assessment (optional)"
            rows={4}
            maxLength={2000}
            value={answers.gillickNotes}
            onChange={(gillickNotes) => set({ gillickNotes })}
            error={errorFor('gillickNotes')}
          />
        </fieldset>
      )}
      <RadiosField
        id="parentsMayBeTold"
        legend="May parents or carers be told about this referral?"
        options={options(parentsMayBeToldLabels(audience))}
        value={answers.parentsMayBeTold}
        onChange={(value) => set({ parentsMayBeTold: value as 'yes' })}
        error={errorFor('parentsMayBeTold')}
      />
    </>
  );
}

function Consent(props: QuestionProps) {
  if (props.audience === 'self') return <SelfConsent {...props} />;
  return props.audience === 'parent' ? <ParentConsent {...props} /> : <StaffConsent {...props} />;
}

function Contact({ audience, title, answers, set, errorFor }: QuestionProps) {
  const isSelf = audience === 'self';
  // A letter needs an address, which only staff records have; and a letter at home is not private.
  const routes = contactRoutes.filter((route) => audience === 'staff' || route !== 'letter');
  const usesPhone = answers.contactRoutes.some((route) => route === 'phone' || route === 'text');
  return (
    <>
      <CheckboxesField
        id="contactRoutes"
        legend={title}
        isPageHeading
        hint={isSelf ? 'Choose all the ways that are OK for you.' : 'Choose all that are OK.'}
        options={routes.map((route) => ({ value: route, label: contactRouteLabels[route] ?? route }))}
        values={answers.contactRoutes}
        onChange={(contactRoutes) => set({ contactRoutes })}
        error={errorFor('contactRoutes')}
      />
      {usesPhone && (
        <TextField
          id="contactPhone"
          label={audience === 'staff' ? 'Phone number for the family' : 'Phone number'}
          hint="For example, 07700 900123"
          width={20}
          type="tel"
          autoComplete={audience === 'staff' ? 'off' : 'tel'}
          value={answers.contactPhone}
          onChange={(e) => set({ contactPhone: e.target.value })}
          error={errorFor('contactPhone')}
        />
      )}
      {answers.contactRoutes.includes('email') && (
        <TextField
          id="contactEmail"
          label={audience === 'staff' ? 'Email address for the family' : 'Email address'}
          width={20}
          type="email"
          spellCheck={false}
          autoComplete={audience === 'staff' ? 'off' : 'email'}
          value={answers.contactEmail}
          onChange={(e) => set({ contactEmail: e.target.value })}
          error={errorFor('contactEmail')}
        />
      )}
      {usesPhone && (
        <RadiosField
          id="canLeaveMessage"
          legend="Can we leave a message, or say who we are?"
          hint={
            isSelf
              ? 'Say no if someone else might hear or see it.'
              : 'Say no if someone else might hear or see it who should not.'
          }
          options={yesNoOptions}
          value={answers.canLeaveMessage}
          onChange={(value) => set({ canLeaveMessage: value as 'yes' })}
          error={errorFor('canLeaveMessage')}
        />
      )}
    </>
  );
}

export const consentQuestions = {
  consent: { Fields: Consent },
  contact: { Fields: Contact, isHeadingInField: true },
} satisfies Record<string, Question>;
