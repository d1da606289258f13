import { presentingNeeds } from '../../../domain/organisations/needs.js';
import { RadiosField } from '../../components/form.js';
import { CheckboxesField, ChoiceField, TextareaField } from './fields.js';
import type { Question, QuestionProps } from './question-page.js';
import { ThresholdsPanel } from './thresholds-panel.js';
import { durations, impacts, options, yesNoOptions } from './wording.js';

/** Questions about what is happening, and the safety questions. */

function Worries({ audience, title, answers, set, errorFor, ctx }: QuestionProps) {
  return (
    <>
      <CheckboxesField
        id="needs"
        legend={title}
        isPageHeading
        hint="Choose all that fit."
        options={options(presentingNeeds)}
        values={answers.needs}
        onChange={(needs) =>
          set({ needs, preferredService: needs[0] === answers.needs[0] ? answers.preferredService : '' })
        }
        error={errorFor('needs')}
      />
      <ThresholdsPanel
        audience={audience}
        answers={answers}
        today={ctx.today}
        pick={{
          value: answers.preferredService,
          onChange: (preferredService) => set({ preferredService }),
          error: errorFor('preferredService'),
        }}
      />
    </>
  );
}

function WhatIsHappening({ audience, title, answers, set, errorFor }: QuestionProps) {
  return (
    <TextareaField
      id="description"
      label={title}
      isPageHeading
      hint={
        audience === 'self'
          ? 'In your own words. For example, how you have been feeling, what is hard, and when it started.'
          : 'In your own words. For example, what you have noticed, what is hard for them, and when it started.'
      }
      rows={8}
      maxLength={5000}
      value={answers.description}
      onChange={(description) => set({ description })}
      error={errorFor('description')}
    />
  );
}

function HowLong({ audience, title, answers, set, errorFor }: QuestionProps) {
  return (
    <>
      <ChoiceField
        id="duration"
        legend={title}
        isPageHeading
        options={options(durations)}
        value={answers.duration}
        onChange={(duration) => set({ duration })}
        error={errorFor('duration')}
      />
      <RadiosField
        id="impact"
        legend={
          audience === 'self'
            ? 'How much does it get in the way of your day?'
            : 'How much does it affect their daily life?'
        }
        hint="For example, school, sleep, eating, friends or family time."
        options={options(impacts)}
        value={answers.impact}
        onChange={(impact) => set({ impact })}
        error={errorFor('impact')}
      />
    </>
  );
}

function TriedSoFar({ audience, title, answers, set, errorFor }: QuestionProps) {
  return (
    <TextareaField
      id="triedSoFar"
      label={title}
      isPageHeading
      hint={
        audience === 'self'
          ? 'Optional. For example, talking to someone at school, an app, or seeing a GP. Say what helped and what did not.'
          : 'Optional. For example, support at school, a GP appointment or another service. Say what helped and what did not.'
      }
      maxLength={3000}
      value={answers.triedSoFar}
      onChange={(triedSoFar) => set({ triedSoFar })}
      error={errorFor('triedSoFar')}
    />
  );
}

function DangerNow({ audience, title, answers, set, errorFor }: QuestionProps) {
  return (
    <ChoiceField
      id="riskToLifeNow"
      legend={title}
      isPageHeading
      hint={
        audience === 'self'
          ? 'For example, you are thinking about ending your life, or you have badly hurt yourself or taken too many tablets. It is OK to tell us.'
          : 'For example, they have said they plan to end their life, or have seriously hurt themselves or taken an overdose.'
      }
      options={yesNoOptions}
      value={answers.riskToLifeNow}
      onChange={(value) => set({ riskToLifeNow: value as 'yes' | 'no' })}
      error={errorFor('riskToLifeNow')}
    />
  );
}

function OtherRisks({ audience, answers, set, errorFor }: QuestionProps) {
  const isSelf = audience === 'self';
  return (
    <>
      <p>
        {isSelf
          ? 'We ask everyone these questions, so we know how best to help.'
          : 'We ask about every child and young person.'}
      </p>
      <RadiosField
        id="recentSelfHarm"
        legend={
          isSelf
            ? 'Have you hurt yourself on purpose in the last few weeks?'
            : 'Have they hurt themselves on purpose recently?'
        }
        options={yesNoOptions}
        value={answers.recentSelfHarm}
        onChange={(value) => set({ recentSelfHarm: value as 'yes' | 'no' })}
        error={errorFor('recentSelfHarm')}
      />
      <RadiosField
        id="riskToOthers"
        legend={
          isSelf
            ? 'Are you worried you might hurt someone else?'
            : 'Are you worried they might hurt someone else?'
        }
        options={yesNoOptions}
        value={answers.riskToOthers}
        onChange={(value) => set({ riskToOthers: value as 'yes' | 'no' })}
        error={errorFor('riskToOthers')}
      />
      <TextareaField
        id="riskDetails"
        label="Anything else about keeping safe (optional)"
        hint="If you answered yes, tell us a little more if you can."
        rows={4}
        maxLength={2000}
        value={answers.riskDetails}
        onChange={(riskDetails) => set({ riskDetails })}
        error={errorFor('riskDetails')}
      />
    </>
  );
}

export const needQuestions = {
  worries: { Fields: Worries, isHeadingInField: true },
  'what-is-happening': { Fields: WhatIsHappening, isHeadingInField: true },
  'how-long': { Fields: HowLong, isHeadingInField: true },
  'tried-so-far': { Fields: TriedSoFar, isHeadingInField: true },
  'danger-now': { Fields: DangerNow, isHeadingInField: true },
  'other-risks': { Fields: OtherRisks },
} satisfies Record<string, Question>;
