import type { SchoolSurveys } from '../../../contracts/schools.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { formatCalendarDate, formatDate } from '../triage/triage-view.js';
import {
  changeWords,
  percentWords,
  phaseWords,
  scoreWords,
  staffWords,
  suppressedWords,
} from './schools-view.js';

type Round = SchoolSurveys['rounds'][number];
type Change = NonNullable<SchoolSurveys['change']>;

/** When a round ran, and whether it still takes answers. */
export function roundDates(round: Round): string {
  const opened = formatDate(round.opensAt);
  const closes = formatCalendarDate(round.closesOn);
  return round.isOpen ? `Opened ${opened}, open until ${closes}` : `Ran from ${opened} to ${closes}`;
}

/**
 * One round's results for each statement. With fewer answers than the minimum every figure is held
 * back by the API; the page says why rather than showing empty cells.
 */
export function RoundResults({
  round,
  minimum,
  headingLevel = 3,
}: {
  round: Round;
  minimum: number;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { result } = round;
  return (
    // Not a named region: two rounds of the same phase would be two regions with the same name.
    <div className="nhsuk-u-margin-bottom-6">
      <Heading>
        {phaseWords(round.phase)}
        {round.isOpen && (
          <>
            {' '}
            <strong className="nhsuk-tag nhsuk-tag--green">Open</strong>
          </>
        )}
      </Heading>
      <p>
        {roundDates(round)}. {staffWords(result.responseCount)} answered.
      </p>
      {result.isSuppressed ? (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{suppressedWords(minimum)}</p>
        </div>
      ) : (
        <ResponsiveTable
          caption={`Results: ${phaseWords(round.phase).toLowerCase()}`}
          headings={['Statement', 'Average', 'Agree or strongly agree']}
        >
          {result.statements.map((statement) => (
            <tr className="nhsuk-table__row" key={statement.id}>
              <Cell heading="Statement">{statement.text}</Cell>
              <Cell heading="Average">{scoreWords(statement.meanScore)}</Cell>
              <Cell heading="Agree or strongly agree">{percentWords(statement.agreePercent)}</Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </div>
  );
}

/** Average ratings before and after the team's work, statement by statement. */
export function SurveyChange({ change }: { change: Change }) {
  return (
    <ResponsiveTable
      caption="Change from before to after the team's work"
      headings={['Statement', 'Before', 'After', 'Change']}
    >
      {change.statements.map((statement) => (
        <tr className="nhsuk-table__row" key={statement.statementId}>
          <Cell heading="Statement">{statement.text}</Cell>
          <Cell heading="Before">{scoreWords(statement.before)}</Cell>
          <Cell heading="After">{scoreWords(statement.after)}</Cell>
          <Cell heading="Change">{changeWords(statement.change)}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
