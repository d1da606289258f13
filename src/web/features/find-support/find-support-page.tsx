import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { SchoolSummary } from '../../../contracts/directory.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { presentingNeedCodes, presentingNeeds } from '../../../domain/organisations/needs.js';
import { getJson } from '../../api.js';
import { ErrorSummary, RadiosField, SelectField, TextField, useFormErrors } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { checkSearch, emptySearch, type SearchFormValues } from './search-form.js';

const needOptions = [
  ...presentingNeedCodes.map((code) => ({ value: code, label: presentingNeeds[code] })),
  { value: 'not-sure', label: 'Something else, or not sure' },
];

function groupByCouncil(schools: SchoolSummary[]) {
  const groups = new Map<string, SchoolSummary[]>();
  for (const school of schools)
    groups.set(school.localAuthority, [...(groups.get(school.localAuthority) ?? []), school]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * "Find support": age, school or postcode, and the worry. The search travels in the page's
 * history state, not the address, so what a young person searched for is not left in the
 * browser's history list on a shared computer.
 */
export function FindSupportPage() {
  const navigate = useNavigate();
  const previous = (useLocation().state as { form?: SearchFormValues } | null)?.form;
  const [values, setValues] = useState<SearchFormValues>(previous ?? emptySearch);
  const { errors, errorFor, show, summaryRef } = useFormErrors();
  const schools = useQuery({
    queryKey: ['directory', 'schools'],
    queryFn: ({ signal }) => getJson<{ schools: SchoolSummary[] }>('/api/directory/schools', signal),
  });
  const set = (field: keyof SearchFormValues) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkSearch(values);
    if ('errors' in checked) {
      show(checked.errors);
      return;
    }
    navigate(webPaths.findSupportResults, { state: { query: checked.query, form: values } });
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageTitle title="Find support" hasError={errors.length > 0} />
        <ErrorSummary errors={errors} ref={summaryRef} />
        <h1>Find support</h1>
        <p>
          Answer these questions to see services that can help a child or young person with their mental
          health. You can look for yourself, your child or someone you work with. All questions are optional.
        </p>
        <form onSubmit={submit} noValidate>
          <TextField
            id="age"
            label="How old are they?"
            hint="If you are looking for yourself, enter your age."
            width={2}
            inputMode="numeric"
            autoComplete="off"
            value={values.age}
            onChange={(e) => set('age')(e.target.value)}
            error={errorFor('age')}
          />
          <SelectField
            id="school"
            label="Which school or college do they go to?"
            hint="Some services only work in certain schools."
            value={values.school}
            onChange={(e) => set('school')(e.target.value)}
            error={errorFor('school')}
          >
            <option value="">Not at school, or I do not know</option>
            {groupByCouncil(schools.data?.schools ?? []).map(([council, list]) => (
              <optgroup label={council} key={council}>
                {list.map((school) => (
                  <option value={school.urn} key={school.urn}>
                    {school.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <TextField
            id="postcode"
            label="What is their home postcode?"
            hint="For example, NV3 2AB. You can enter just the first part, like NV3."
            width={10}
            autoComplete="off"
            value={values.postcode}
            onChange={(e) => set('postcode')(e.target.value)}
            error={errorFor('postcode')}
          />
          <RadiosField
            id="need"
            legend="What is the worry about?"
            hint="Choose the one that fits best."
            options={needOptions}
            value={values.need}
            onChange={set('need')}
            error={errorFor('need')}
            isColumns
          />
          <button className="nhsuk-button" type="submit">
            Show support
          </button>
        </form>
      </div>
    </div>
  );
}
