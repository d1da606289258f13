import { Link } from 'react-router';
import type { Tray, WaitingEntry } from '../../../contracts/mhst.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { priorityWords } from '../triage/referral-words.js';
import { appointmentWords } from './clock-words.js';
import { WaitedCell } from './mhst-parts.js';
import { allocatePath } from './mhst-view.js';

const extraColumns: Record<Tray, string[]> = {
  'awaiting-allocation': ['Priority'],
  allocated: ['Allocated to', 'Next appointment'],
  'in-intervention': ['Allocated to', 'Next appointment'],
  'group-waiting-list': ['Group'],
};

export interface Selection {
  selected: ReadonlySet<string>;
  toggle: (referralId: string) => void;
}

/**
 * One tray of the waiting list as an NHS.UK responsive table (a stack of labelled rows on a
 * phone). With `selection`, each row has a checkbox for bulk allocation.
 */
export function WaitingTable({
  teamId,
  tray,
  caption,
  items,
  canAllocate,
  selection,
}: {
  teamId: string;
  tray: Tray;
  caption: string;
  items: WaitingEntry[];
  canAllocate: boolean;
  selection?: Selection;
}) {
  const headings = [
    ...(selection ? ['Select'] : []),
    'Reference',
    'Name',
    'Age',
    'School',
    'Waited',
    ...extraColumns[tray],
  ];
  return (
    <ResponsiveTable caption={caption} headings={headings}>
      {items.map((item) => (
        <tr className="nhsuk-table__row" key={item.referralId}>
          {selection && (
            <Cell heading="Select">
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small lantern-mhst-select">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`select-${item.referralId}`}
                    type="checkbox"
                    checked={selection.selected.has(item.referralId)}
                    onChange={() => selection.toggle(item.referralId)}
                  />
                  <label
                    className="nhsuk-label nhsuk-checkboxes__label"
                    htmlFor={`select-${item.referralId}`}
                  >
                    <span className="nhsuk-u-visually-hidden">
                      Select {item.reference}, {item.childName}
                    </span>
                  </label>
                </div>
              </div>
            </Cell>
          )}
          <Cell heading="Reference">
            {canAllocate ? (
              <Link className="lantern-mhst-reference" to={allocatePath(teamId, item.referralId)}>
                {item.reference}
                <span className="nhsuk-u-visually-hidden">, {item.childName}</span>
              </Link>
            ) : (
              item.reference
            )}
            {(item.priority === 'emergency' || item.priority === 'urgent' || item.isUrgent) && (
              <div>
                <strong className="nhsuk-tag nhsuk-tag--red">
                  {item.priority === 'emergency' ? 'Emergency' : 'Urgent'}
                </strong>
              </div>
            )}
          </Cell>
          <Cell heading="Name">{item.childName}</Cell>
          <Cell heading="Age">{item.age}</Cell>
          <Cell heading="School">{item.schoolName ?? 'Not given'}</Cell>
          <Cell heading="Waited">
            <WaitedCell entry={item} />
          </Cell>
          {tray === 'awaiting-allocation' && (
            <Cell heading="Priority">{priorityWords(item.priority, 'Not set')}</Cell>
          )}
          {(tray === 'allocated' || tray === 'in-intervention') && (
            <>
              <Cell heading="Allocated to">{item.allocatedTo ?? 'Not recorded'}</Cell>
              <Cell heading="Next appointment">
                {item.nextContactAt ? appointmentWords(item.nextContactAt) : 'None booked'}
              </Cell>
            </>
          )}
          {tray === 'group-waiting-list' && <Cell heading="Group">{item.groupName ?? 'Not recorded'}</Cell>}
        </tr>
      ))}
    </ResponsiveTable>
  );
}
