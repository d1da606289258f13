import type { SchoolSummary } from '../../../contracts/directory.js';
import { ethnicCategories, genders } from '../../../domain/people/child-details.js';
import { SelectField, TextField } from '../../components/form.js';
import { ChoiceField, DateField } from './fields.js';
import { useSchools } from './queries.js';
import type { Question, QuestionProps } from './question-page.js';
import { options } from './wording.js';

/** Questions about the child or young person: name, date of birth, NHS number, gender, school. */

function ChildName({ audience, answers, set, errorFor }: QuestionProps) {
  const isSelf = audience === 'self';
  return (
    <>
      <TextField
        id="givenName"
        label="First name"
        width={20}
        autoComplete={isSelf ? 'given-name' : 'off'}
        spellCheck={false}
        value={answers.givenName}
        onChange={(e) => set({ givenName: e.target.value })}
        error={errorFor('givenName')}
      />
      <TextField
        id="familyName"
        label="Last name"
        width={20}
        autoComplete={isSelf ? 'family-name' : 'off'}
        spellCheck={false}
        value={answers.familyName}
        onChange={(e) => set({ familyName: e.target.value })}
        error={errorFor('familyName')}
      />
    </>
  );
}

function DateOfBirth({ audience, title, answers, set, errorFor }: QuestionProps) {
  const key = { day: 'dobDay', month: 'dobMonth', year: 'dobYear' } as const;
  return (
    <DateField
      id="dobDay"
      legend={title}
      isPageHeading
      isOwnBirthday={audience === 'self'}
      hint="For example, 27 3 2012"
      value={{ day: answers.dobDay, month: answers.dobMonth, year: answers.dobYear }}
      onChange={(part, value) => set({ [key[part]]: value })}
      error={errorFor('dobDay')}
    />
  );
}

function NhsNumber({ answers, set, errorFor }: QuestionProps) {
  return (
    <TextField
      id="nhsNumber"
      label="NHS number (optional)"
      hint="It has 10 digits, such as 943 476 5919. You can find it on a letter from the NHS or in the NHS App. Leave it blank if you do not know it."
      width={10}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      value={answers.nhsNumber}
      onChange={(e) => set({ nhsNumber: e.target.value })}
      error={errorFor('nhsNumber')}
    />
  );
}

function Gender({ audience, title, answers, set, errorFor }: QuestionProps) {
  const own = audience === 'self' ? 'your' : 'their';
  return (
    <ChoiceField
      id="gender"
      legend={title}
      isPageHeading
      value={answers.gender}
      onChange={(gender) => set({ gender })}
      error={errorFor('gender')}
      options={options(genders).map((option) =>
        option.value === 'self-described'
          ? {
              ...option,
              conditional: (
                <TextField
                  id="genderSelfDescription"
                  label={`In ${own} own words`}
                  width={20}
                  autoComplete="off"
                  value={answers.genderSelfDescription}
                  onChange={(e) => set({ genderSelfDescription: e.target.value })}
                  error={errorFor('genderSelfDescription')}
                />
              ),
            }
          : option,
      )}
    />
  );
}

function Ethnicity({ title, answers, set, errorFor }: QuestionProps) {
  return (
    <ChoiceField
      id="ethnicity"
      legend={title}
      isPageHeading
      hint="Optional. Ask them or their family rather than guessing. These are the NHS categories."
      value={answers.ethnicity}
      onChange={(ethnicity) => set({ ethnicity })}
      error={errorFor('ethnicity')}
      options={options(ethnicCategories)}
    />
  );
}

export function groupByCouncil(schools: SchoolSummary[]) {
  const groups = new Map<string, SchoolSummary[]>();
  for (const school of schools)
    groups.set(school.localAuthority, [...(groups.get(school.localAuthority) ?? []), school]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function School({ audience, answers, set, errorFor }: QuestionProps) {
  const schools = useSchools();
  return (
    <>
      <SelectField
        id="schoolUrn"
        label="School or college (optional)"
        hint={
          audience === 'self'
            ? 'Some support is only in certain schools. If yours is not in the list, choose the first option.'
            : 'Some services only work in certain schools. If it is not in the list, choose the first option.'
        }
        value={answers.schoolUrn}
        onChange={(e) => set({ schoolUrn: e.target.value })}
        error={errorFor('schoolUrn')}
      >
        <option value="">Not at school, or I do not know</option>
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
      {schools.isError && (
        <p role="alert">Sorry, we could not load the list of schools. You can carry on without it.</p>
      )}
    </>
  );
}

function GpPractice({ answers, set, errorFor }: QuestionProps) {
  return (
    <TextField
      id="gpPractice"
      label="GP practice (optional)"
      hint="The practice's name and town, such as Riverside Surgery, Lantern Vale"
      width={20}
      autoComplete="off"
      value={answers.gpPractice}
      onChange={(e) => set({ gpPractice: e.target.value })}
      error={errorFor('gpPractice')}
    />
  );
}

export const childQuestions = {
  'child-name': { Fields: ChildName },
  'date-of-birth': { Fields: DateOfBirth, isHeadingInField: true },
  'nhs-number': { Fields: NhsNumber },
  gender: { Fields: Gender, isHeadingInField: true },
  ethnicity: { Fields: Ethnicity, isHeadingInField: true },
  school: { Fields: School },
  'gp-practice': { Fields: GpPractice },
} satisfies Record<string, Question>;
