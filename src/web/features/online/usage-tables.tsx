import type { OnlineUsage, UsageShare } from '../../../contracts/online-usage.js';
import { Cell, ResponsiveTable } from '../../components/table.js';

/** A mix (gender, age, new and returning, risk levels) as counts and whole percentages. */
export function ShareTable({
  caption,
  group,
  counted,
  rows,
}: {
  caption: string;
  group: string;
  counted: string;
  rows: UsageShare[];
}) {
  return (
    <ResponsiveTable caption={caption} headings={[group, counted, 'Share']}>
      {rows.map((row) => (
        <tr className="nhsuk-table__row" key={row.key}>
          <Cell heading={group}>{row.label}</Cell>
          <Cell heading={counted}>{row.count}</Cell>
          <Cell heading="Share">{row.percent}%</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}

const minutes = (value: number | null) =>
  value === null ? 'No drop-in chats' : `${value} ${value === 1 ? 'minute' : 'minutes'}`;

/** The period's main figures as a summary list. */
export function UsageSummary({ usage }: { usage: OnlineUsage }) {
  const rows: [string, string][] = [
    ['Young people who chatted or sent a message', String(usage.youngPeople)],
    ['Chat sessions', `${usage.chats.total} (${usage.chats.dropIn} drop-in, ${usage.chats.booked} booked)`],
    ['Left the queue before being seen', String(usage.chats.leftQueue)],
    ['Messages from young people between chats', String(usage.messagesFromYoungPeople)],
    [
      'Chats on evenings and weekends',
      `${usage.eveningsAndWeekends.count} (${usage.eveningsAndWeekends.percent}%)`,
    ],
    ['Usual wait to be seen for a drop-in chat (median)', minutes(usage.waits.medianMinutes)],
    ['9 in 10 drop-in chats were seen within (90th percentile)', minutes(usage.waits.p90Minutes)],
    [
      'Escalations',
      `${usage.escalations.count} (young person shared who they are in ${usage.escalations.identityShared})`,
    ],
  ];
  return (
    <dl className="nhsuk-summary-list">
      {rows.map(([key, value]) => (
        <div className="nhsuk-summary-list__row" key={key}>
          <dt className="nhsuk-summary-list__key">{key}</dt>
          <dd className="nhsuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function UsageDayTable({ usage }: { usage: OnlineUsage }) {
  return (
    <ResponsiveTable caption="Chats by day of the week they started" headings={['Day', 'Chats']}>
      {usage.byDay.map((row) => (
        <tr className="nhsuk-table__row" key={row.day}>
          <Cell heading="Day">{row.label}</Cell>
          <Cell heading="Chats">{row.count}</Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
