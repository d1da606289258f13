import { useParams } from 'react-router';
import type { CaseloadReferral } from '../../../contracts/caseload.js';
import { webPaths } from '../../../contracts/web-paths.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useChangeNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { CaseRecordLinks } from '../casework/case-record-links.js';
import { SummaryList } from '../triage/fields.js';
import { needWords, priorityWords } from '../triage/referral-words.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { formatDate, hasPermission, statusWords } from '../triage/triage-view.js';
import {
  appointmentWords,
  attendWords,
  kindWords,
  placeWords,
  remindersSentence,
  reminderWords,
} from './clock-words.js';
import { ClocksSection } from './clocks-section.js';
import { AttendanceForm, BookContactForm } from './contact-forms.js';
import { AllocationHistory } from './mhst-parts.js';
import { useCaseloadReferral, useRefreshMhst } from './mhst-queries.js';
import { hasStarted } from './mhst-view.js';
import { MoveContactForm } from './move-contact-form.js';
import { MilestoneSection, PauseSection } from './progress-forms.js';

const contents = [
  ['clocks-heading', 'Waiting time'],
  ['appointments-heading', 'Appointments'],
  ['book-heading', 'Book an appointment'],
  ['milestones-heading', 'Milestones'],
  ['pauses-heading', 'Times they asked to wait'],
  ['history-heading', 'Allocation history'],
] as const;
const forRecorders = new Set(['book-heading', 'milestones-heading', 'pauses-heading']);

/** One young person on the caseload: every clock view, appointments, milestones and waits they asked for. */
export function CaseloadReferralPage() {
  const { referralId = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess('caseload:read', 'see a caseload');
  const found = useCaseloadReferral(referralId, allowed);
  const refresh = useRefreshMhst();
  const notice = useChangeNotice(
    refresh,
    'Someone else changed this appointment while you were looking at it. Here is the latest: check it and try again.',
  );
  const { saved, stale } = notice;
  if (gate) return gate;
  if (found.isPending) return <p aria-live="polite">Loading…</p>;
  if (found.isError) return <LoadError error={found.error} />;
  const data = found.data;
  const r = data.referral;
  const now = new Date();
  const canRecord = hasPermission(permissions, 'contact:record');

  return (
    <>
      <PageTitle title={`Referral ${r.reference}`} />
      <BackLink to={webPaths.caseload}>Your caseload</BackLink>
      {notice.element}
      <h1>
        <span className="nhsuk-caption-l">{r.reference}</span>
        {r.childName}
      </h1>
      <SummaryList
        rows={[
          ['Age', String(r.age)],
          ['School', r.schoolName ?? 'Not given'],
          ['Received', formatDate(r.receivedAt)],
          ['Priority', priorityWords(r.priority, 'Not set')],
          ['Needs', r.presentingNeeds.map((need) => needWords(need)).join('\n') || 'Not given'],
          ['What the referral says', data.needDescription || 'Not given'],
          ['Status', statusWords(r.status)],
        ]}
      />
      <CaseRecordLinks referralId={r.referralId} permissions={permissions} />
      <nav className="nhsuk-contents-list" aria-label="On this page">
        <h2 className="nhsuk-u-visually-hidden">On this page</h2>
        <ol className="nhsuk-contents-list__list">
          {contents
            .filter(([id]) => canRecord || !forRecorders.has(id))
            .map(([id, label]) => (
              <li className="nhsuk-contents-list__item" key={id}>
                <a className="nhsuk-contents-list__link" href={`#${id}`}>
                  {label}
                </a>
              </li>
            ))}
        </ol>
      </nav>
      <ClocksSection clocks={data.clocks} recorded={data.milestones.map((m) => m.milestone)} now={now} />
      <Appointments data={data} now={now} canRecord={canRecord} onSaved={saved} onStale={stale} />
      {canRecord && <BookContactForm referral={data} onSaved={saved} />}
      {canRecord ? (
        <>
          <MilestoneSection referral={data} now={now} onSaved={saved} />
          <PauseSection referral={data} onSaved={saved} />
        </>
      ) : (
        <p>You can see this young person’s record, but not book appointments or record milestones.</p>
      )}
      <AllocationHistory history={data.allocations} headingId="history-heading" />
    </>
  );
}

function Appointments({
  data,
  now,
  canRecord,
  onSaved,
  onStale,
}: {
  data: CaseloadReferral;
  now: Date;
  canRecord: boolean;
  onSaved: (text: string) => void;
  onStale: () => void;
}) {
  const contacts = [...data.contacts].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <section aria-labelledby="appointments-heading">
      <h2 id="appointments-heading">Appointments</h2>
      <p>{remindersSentence(data.reminders)}</p>
      {contacts.length === 0 ? (
        <p>No appointments have been booked yet.</p>
      ) : (
        <ResponsiveTable
          caption="Appointments, earliest first"
          headings={['When', 'Where', 'Kind', 'With', 'Reminder', 'Attendance']}
        >
          {contacts.map((contact) => (
            <tr className="nhsuk-table__row" key={contact.id}>
              <Cell heading="When">{appointmentWords(contact.startsAt)}</Cell>
              <Cell heading="Where">{placeWords(contact)}</Cell>
              <Cell heading="Kind">{kindWords(contact)}</Cell>
              <Cell heading="With">{contact.practitionerName}</Cell>
              <Cell heading="Reminder">{reminderWords(contact, data.reminders, now)}</Cell>
              <Cell heading="Attendance">
                <p className="nhsuk-u-margin-bottom-2">
                  {contact.attendStatus
                    ? attendWords[contact.attendStatus]
                    : hasStarted(contact.startsAt, now)
                      ? 'Not recorded yet'
                      : 'Booked'}
                </p>
                {canRecord && contact.attendStatus === null && !hasStarted(contact.startsAt, now) && (
                  <MoveContactForm
                    key={`move-${contact.id}-${contact.version}`}
                    referralId={data.referral.referralId}
                    contact={contact}
                    onSaved={onSaved}
                    onStale={onStale}
                  />
                )}
                {canRecord && (
                  <AttendanceForm
                    key={`${contact.id}-${contact.version}`}
                    referralId={data.referral.referralId}
                    contact={contact}
                    now={now}
                    onSaved={onSaved}
                    onStale={onStale}
                  />
                )}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      )}
    </section>
  );
}
