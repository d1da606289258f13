import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Report, ReportDimension } from '../../../contracts/reporting.js';
import { reportDimensions } from '../../../contracts/reporting.js';
import { SelectField } from '../../components/form.js';
import {
  dimensionLabels,
  paramsFromForm,
  periodKindLabels,
  periodOptions,
  withQuery,
} from './report-view.js';

/**
 * The filters as an ordinary GET form: the browser can send it without any script, and with the
 * app running the same fields become the address, so a filtered view can be bookmarked or shared.
 */
export function ReportFilterForm({
  action,
  params,
  report,
  dimensions,
  hasPeriodKind,
  hasBreakdown,
  mayReadExact = false,
  label,
}: {
  action: string;
  params: URLSearchParams;
  report: Report | undefined;
  dimensions: readonly ReportDimension[];
  hasPeriodKind: boolean;
  hasBreakdown: boolean;
  mayReadExact?: boolean;
  label: string;
}) {
  const navigate = useNavigate();
  const { search } = useLocation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(withQuery(action, paramsFromForm(new FormData(event.currentTarget).entries())));
  };
  const periods = report ? periodOptions(report) : [];
  const kind = params.get('period') ?? report?.period.kind ?? 'quarter';
  const date = params.get('date') ?? '';
  const choose = (dimension: ReportDimension) =>
    report?.choices.find((choice) => choice.dimension === dimension);
  return (
    // Keyed on the address (and on the choices arriving), so the fields show what the address says.
    <form
      key={`${search}|${report ? 'choices' : 'none'}`}
      method="get"
      action={action}
      onSubmit={onSubmit}
      aria-label={label}
      className="lantern-no-print"
    >
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">{label}</h2>
        </legend>
        <div className="lantern-report-filters">
          {hasPeriodKind && (
            <SelectField id="period" label="Period" defaultValue={kind}>
              {(['month', 'quarter', 'year'] as const).map((value) => (
                <option key={value} value={value}>
                  {periodKindLabels[value]}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField id="date" label={hasPeriodKind ? 'Which period' : 'Which quarter'} defaultValue={date}>
            <option value="">The last complete one</option>
            {date && !periods.some((p) => p.value === date) && <option value={date}>Starting {date}</option>}
            {periods.map((period) => (
              <option key={period.value} value={period.value}>
                {period.label}
              </option>
            ))}
          </SelectField>
          {hasBreakdown && (
            <SelectField id="by" label="Break down by" defaultValue={params.get('by') ?? ''}>
              <option value="">Nothing</option>
              {reportDimensions.map((dimension) => (
                <option key={dimension} value={dimension}>
                  {dimensionLabels[dimension]}
                </option>
              ))}
            </SelectField>
          )}
          {dimensions.map((dimension) => {
            const choice = choose(dimension);
            // A filter the server applied itself (a team manager's own team, in the exact view) shows as chosen.
            const chosen = String(params.get(dimension) ?? report?.filters[dimension] ?? '');
            const options = choice?.options ?? [];
            return (
              <SelectField
                key={dimension}
                id={dimension}
                label={choice?.label ?? dimensionLabels[dimension]}
                defaultValue={chosen}
              >
                <option value="">All</option>
                {chosen && !options.some((o) => o.key === chosen) && <option value={chosen}>{chosen}</option>}
                {options.map((option) => (
                  <option key={option.key} value={option.key}>
                    {option.label}
                  </option>
                ))}
              </SelectField>
            );
          })}
        </div>
        {mayReadExact && (
          <div className="nhsuk-form-group">
            <fieldset className="nhsuk-fieldset">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Which figures</legend>
              <div className="nhsuk-radios nhsuk-radios--inline">
                <ViewRadio
                  value="published"
                  label="Published (small numbers hidden)"
                  isChecked={params.get('view') !== 'operational'}
                />
                <ViewRadio
                  value="operational"
                  label="Exact (do not share)"
                  isChecked={params.get('view') === 'operational'}
                />
              </div>
            </fieldset>
          </div>
        )}
      </fieldset>
      <div className="lantern-report-actions">
        <button className="nhsuk-button nhsuk-u-margin-bottom-2" type="submit">
          Apply filters
        </button>
        <Link className="nhsuk-link" to={action}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}

function ViewRadio({ value, label, isChecked }: { value: string; label: string; isChecked: boolean }) {
  const id = `view-${value}`;
  return (
    <div className="nhsuk-radios__item">
      <input
        className="nhsuk-radios__input"
        id={id}
        name="view"
        type="radio"
        value={value}
        defaultChecked={isChecked}
      />
      <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
