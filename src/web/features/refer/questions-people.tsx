import { useEffect, useRef } from 'react';
import { RadiosField, TextField } from '../../components/form.js';
import { type CarerAnswers, emptyCarer, type StaffKind, type YesNo } from './answers.js';
import { CheckboxesField, TextareaField } from './fields.js';
import type { Question, QuestionProps } from './question-page.js';
import { options, staffKinds, yesNoOptions } from './wording.js';

/** Questions about the person referring, and (staff) the child's parents and carers. */

function AboutYou({ audience, answers, set, errorFor }: QuestionProps) {
  if (audience === 'parent') {
    return (
      <>
        <TextField
          id="referrerName"
          label="Your full name"
          width={20}
          autoComplete="name"
          value={answers.referrerName}
          onChange={(e) => set({ referrerName: e.target.value })}
          error={errorFor('referrerName')}
        />
        <TextField
          id="referrerRelationship"
          label="How are you related to the child or young person?"
          hint="For example, mother, father, grandparent or foster carer"
          width={20}
          autoComplete="off"
          value={answers.referrerRelationship}
          onChange={(e) => set({ referrerRelationship: e.target.value })}
          error={errorFor('referrerRelationship')}
        />
      </>
    );
  }
  const text = (
    id: 'referrerName' | 'referrerRole' | 'referrerOrganisation',
    label: string,
    hint?: string,
  ) => (
    <TextField
      id={id}
      label={label}
      hint={hint}
      width={20}
      autoComplete={
        id === 'referrerName' ? 'name' : id === 'referrerOrganisation' ? 'organization' : 'organization-title'
      }
      value={answers[id]}
      onChange={(e) => set({ [id]: e.target.value })}
      error={errorFor(id)}
    />
  );
  return (
    <>
      <RadiosField
        id="staffKind"
        legend="Who are you referring as?"
        options={options(staffKinds)}
        value={answers.staffKind}
        onChange={(value) => set({ staffKind: value as StaffKind })}
        error={errorFor('staffKind')}
      />
      {text('referrerName', 'Your full name')}
      {text('referrerRole', 'Your role', 'For example, designated safeguarding lead, GP or social worker')}
      {text('referrerOrganisation', 'Your school or organisation')}
      <TextField
        id="referrerPhone"
        label="Your work phone number"
        width={20}
        type="tel"
        autoComplete="tel"
        value={answers.referrerPhone}
        onChange={(e) => set({ referrerPhone: e.target.value })}
        error={errorFor('referrerPhone')}
      />
      <TextField
        id="referrerEmail"
        label="Your work email address"
        width={20}
        type="email"
        spellCheck={false}
        autoComplete="email"
        value={answers.referrerEmail}
        onChange={(e) => set({ referrerEmail: e.target.value })}
        error={errorFor('referrerEmail')}
      />
    </>
  );
}

function Carer({
  index,
  carer,
  change,
  remove,
  errorFor,
}: {
  index: number;
  carer: CarerAnswers;
  change: (patch: Partial<CarerAnswers>) => void;
  remove: () => void;
  errorFor: (field: string) => string | undefined;
}) {
  const id = (field: keyof CarerAnswers) => `carers-${index}-${field}`;
  const text = (field: 'name' | 'relationship' | 'phone' | 'email', label: string, hint?: string) => (
    <TextField
      id={id(field)}
      label={label}
      hint={hint}
      width={20}
      type={field === 'phone' ? 'tel' : field === 'email' ? 'email' : 'text'}
      autoComplete="off"
      value={carer[field]}
      onChange={(e) => change({ [field]: e.target.value })}
      error={errorFor(id(field))}
    />
  );
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        Parent or carer {index + 1}
      </legend>
      {text('name', 'Full name')}
      {text(
        'relationship',
        'Relationship to the child or young person',
        'For example, mother or foster carer',
      )}
      <RadiosField
        id={id('hasParentalResponsibility')}
        legend="Do they have parental responsibility?"
        options={yesNoOptions}
        value={carer.hasParentalResponsibility}
        onChange={(value) => change({ hasParentalResponsibility: value as YesNo })}
        error={errorFor(id('hasParentalResponsibility'))}
      />
      {text('phone', 'Phone number (optional)')}
      {text('email', 'Email address (optional)')}
      <CheckboxesField
        id={id('doNotShare')}
        legend="Sharing information"
        options={[
          {
            value: 'yes',
            label: 'Do not share information with this person',
            hint: 'For example, because of a court order or a safeguarding concern.',
            conditional: (
              <TextareaField
                id={id('doNotShareReason')}
                label="Why must information not be shared with them?"
                rows={3}
                maxLength={500}
                value={carer.doNotShareReason}
                onChange={(doNotShareReason) => change({ doNotShareReason })}
                error={errorFor(id('doNotShareReason'))}
              />
            ),
          },
        ]}
        values={carer.doNotShare ? ['yes'] : []}
        onChange={(values) => change({ doNotShare: values.includes('yes') })}
      />
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        type="button"
        onClick={remove}
      >
        Remove<span className="nhsuk-u-visually-hidden"> parent or carer {index + 1}</span>
      </button>
    </fieldset>
  );
}

function Carers({ answers, set, errorFor }: QuestionProps) {
  const carers = answers.carers;
  const shown = useRef(carers.length);
  useEffect(() => {
    // After "Add", take keyboard and screen reader users to the new person's first question.
    if (carers.length > shown.current) document.getElementById(`carers-${carers.length - 1}-name`)?.focus();
    shown.current = carers.length;
  }, [carers.length]);
  const update = (index: number) => (patch: Partial<CarerAnswers>) =>
    set({ carers: carers.map((carer, i) => (i === index ? { ...carer, ...patch } : carer)) });
  return (
    <>
      <p>
        Add the parents and carers you know about, including any who must not be told. We will not contact
        anyone marked "do not share".
      </p>
      {carers.length === 0 && (
        <p className="nhsuk-inset-text" id="carers">
          No parents or carers added yet.
        </p>
      )}
      {carers.map((carer, index) => (
        <Carer
          // Carers have no id of their own until sent; their place in the list is what the errors name.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          index={index}
          carer={carer}
          change={update(index)}
          remove={() => set({ carers: carers.filter((_, i) => i !== index) })}
          errorFor={errorFor}
        />
      ))}
      {carers.length < 6 && (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          id={carers.length > 0 ? 'carers' : undefined}
          onClick={() => set({ carers: [...carers, { ...emptyCarer }] })}
        >
          Add {carers.length === 0 ? 'a' : 'another'} parent or carer
        </button>
      )}
    </>
  );
}

export const peopleQuestions = {
  'about-you': { Fields: AboutYou },
  carers: { Fields: Carers },
} satisfies Record<string, Question>;
