import type { ReactNode } from 'react';

/**
 * NHS.UK responsive table: a table on wide screens, a stack of labelled rows on a phone. Each cell
 * repeats its column heading for the phone layout; screen readers use the real headers.
 */
export function ResponsiveTable({
  caption,
  headings,
  children,
}: {
  caption: string;
  headings: string[];
  children: ReactNode;
}) {
  return (
    <table className="nhsuk-table-responsive">
      <caption className="nhsuk-table__caption">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr>
          {headings.map((heading) => (
            <th scope="col" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">{children}</tbody>
    </table>
  );
}

export function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      <div>{children}</div>
    </td>
  );
}
