import { Fragment } from 'react';
import type { MhsdsExportList } from '../../../contracts/mhsds-export.js';
import { Cell, ResponsiveTable } from '../../components/table.js';

const rowWords = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;

/**
 * A table name that may break before each word on a phone (MHS606<wbr>Coded<wbr>Score…), so the
 * longest name does not make the page wider than the screen. Screen readers read it as one word.
 */
function TableName({ name }: { name: string }) {
  const words = name.split(/(?=[A-Z][a-z])/);
  return words.map((word, at) => (
    <Fragment key={words.slice(0, at + 1).join('')}>
      {at > 0 && <wbr />}
      {word}
    </Fragment>
  ));
}

/** Each table of the export with its row count and a download link. */
export function MhsdsTableList({ list }: { list: MhsdsExportList }) {
  return (
    <ResponsiveTable caption="Tables in the export" headings={['Table', 'What it holds', 'Rows', 'Download']}>
      {list.tables.map((table) => (
        <tr className="nhsuk-table__row" key={table.name}>
          <Cell heading="Table">
            <TableName name={table.name} />
          </Cell>
          <Cell heading="What it holds">{table.title}</Cell>
          <Cell heading="Rows">{table.rows.toLocaleString('en-GB')}</Cell>
          <Cell heading="Download">
            <a href={table.href} download>
              <TableName name={table.name} />
              .csv<span className="nhsuk-u-visually-hidden"> ({rowWords(table.rows)})</span>
            </a>
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
