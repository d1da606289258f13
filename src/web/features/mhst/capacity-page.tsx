import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { isStaffRole, roleLabels } from '../../../access/roles.js';
import type { TeamCapacity } from '../../../contracts/mhst.js';
import { sendJson } from '../../api.js';
import { ErrorSummary, SelectField, useFormErrors } from '../../components/form.js';
import { BackLink, PageTitle } from '../../components/layout.js';
import { useChangeNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { hasPermission } from '../triage/triage-view.js';
import { problemLines } from './mhst-forms.js';
import { TeamPagesNav } from './mhst-parts.js';
import { useCapacity, useRefreshMhst } from './mhst-queries.js';
import { caseloadOf, genderWords, languageWords, schoolDaysBySchool, waitingListPath } from './mhst-view.js';
import { PractitionerForm } from './practitioner-form.js';

type Practitioner = TeamCapacity['practitioners'][number];

/** A team's practitioners against their capacity, their school days, and each school's link practitioner. */
export function CapacityPage() {
  const { teamId = '' } = useParams();
  const { allowed, gate, permissions } = useStaffAccess('waiting-list:read', 'see team capacity');
  const capacity = useCapacity(teamId, allowed);
  const refresh = useRefreshMhst();
  const notice = useChangeNotice(
    refresh,
    'Someone else changed these details while you were looking at them. Here are the latest: check them and try again.',
  );
  const { saved, stale } = notice;
  const canManage = hasPermission(permissions, 'team:manage-capacity');
  if (gate) return gate;
  const data = capacity.data;

  return (
    <>
      <PageTitle title="Team capacity" />
      <BackLink to={waitingListPath(teamId)}>Waiting list</BackLink>
      {notice.element}
      <h1>
        {data && <span className="nhsuk-caption-l">{data.team.name}</span>}
        Team capacity
      </h1>
      <TeamPagesNav teamId={teamId} current="capacity" />
      {capacity.isPending && <p aria-live="polite">Loading…</p>}
      {capacity.isError && <LoadError error={capacity.error} />}
      {data && (
        <>
          {data.team.baseSchoolName && <p>The team is based at {data.team.baseSchoolName}.</p>}
          {!canManage && <p>Only the team manager can change these details.</p>}
          <h2>Who is in the team</h2>
          <ResponsiveTable caption="Team members and their roles" headings={['Name', 'Role']}>
            {data.members.map((member) => (
              <tr className="nhsuk-table__row" key={`${member.userId}-${member.role}`}>
                <Cell heading="Name">{member.displayName}</Cell>
                <Cell heading="Role">{member.roleLabel}</Cell>
              </tr>
            ))}
          </ResponsiveTable>
          <h2>Practitioners</h2>
          <PractitionersTable data={data} />
          {canManage &&
            data.practitioners.map((practitioner) => (
              <details className="nhsuk-details" key={`${practitioner.userId}-${practitioner.version}`}>
                <summary className="nhsuk-details__summary">
                  <span className="nhsuk-details__summary-text">
                    Change {practitioner.displayName}’s details
                  </span>
                </summary>
                <div className="nhsuk-details__text">
                  <PractitionerForm
                    teamId={teamId}
                    practitioner={practitioner}
                    schools={data.schools}
                    onSaved={saved}
                    onStale={stale}
                  />
                </div>
              </details>
            ))}
          <h2>Link practitioners</h2>
          <p>Each school has a link practitioner: the person the school contacts first.</p>
          <ResponsiveTable
            caption="Schools and their link practitioners"
            headings={['School', 'Link practitioner']}
          >
            {data.schools.map((school) => (
              <tr className="nhsuk-table__row" key={`${school.urn}-${school.linkPractitionerId}`}>
                <Cell heading="School">{school.name}</Cell>
                <Cell heading="Link practitioner">
                  {canManage ? (
                    <LinkForm
                      teamId={teamId}
                      school={school}
                      practitioners={data.practitioners}
                      onSaved={saved}
                    />
                  ) : (
                    (school.linkPractitionerName ?? 'None yet')
                  )}
                </Cell>
              </tr>
            ))}
          </ResponsiveTable>
        </>
      )}
    </>
  );
}

function PractitionersTable({ data }: { data: TeamCapacity }) {
  if (data.practitioners.length === 0) return <p>There are no practitioners in this team yet.</p>;
  return (
    <ResponsiveTable
      caption="Caseload against capacity"
      headings={['Name', 'Caseload', 'Gender', 'Languages', 'Days in schools']}
    >
      {data.practitioners.map((p: Practitioner) => {
        const days = schoolDaysBySchool(p.schoolDays, data.schools);
        return (
          <tr className="nhsuk-table__row" key={p.userId}>
            <Cell heading="Name">
              {p.displayName}
              <span className="nhsuk-body-s lantern-mhst-block">
                {isStaffRole(p.role) ? roleLabels[p.role] : p.role}
              </span>
            </Cell>
            <Cell heading="Caseload">
              {caseloadOf(p.caseload, p.capacity)}
              {p.capacity > 0 && (
                <meter
                  className="lantern-mhst-meter"
                  min={0}
                  max={p.capacity}
                  low={Math.floor(p.capacity * 0.75)}
                  high={p.capacity}
                  optimum={0}
                  value={Math.min(p.caseload, p.capacity)}
                  aria-hidden="true"
                />
              )}
            </Cell>
            <Cell heading="Gender">{genderWords(p.gender)}</Cell>
            <Cell heading="Languages">{languageWords(p.languages)}</Cell>
            <Cell heading="Days in schools">
              {days.length === 0 ? (
                'None set'
              ) : (
                <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                  {days.map((day) => (
                    <li key={day.urn}>
                      {day.name}: {day.days}
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
          </tr>
        );
      })}
    </ResponsiveTable>
  );
}

function LinkForm({
  teamId,
  school,
  practitioners,
  onSaved,
}: {
  teamId: string;
  school: TeamCapacity['schools'][number];
  practitioners: Practitioner[];
  onSaved: (text: string) => void;
}) {
  const id = `link-${school.urn}`;
  const [userId, setUserId] = useState(school.linkPractitionerId ?? '');
  const [isSending, setSending] = useState(false);
  const { errors, errorFor, show, clear, summaryRef } = useFormErrors();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    if (userId === '') {
      show([{ field: id, message: `Choose a link practitioner for ${school.name}` }]);
      return;
    }
    setSending(true);
    try {
      await sendJson(
        'PUT',
        `/api/mhst/teams/${encodeURIComponent(teamId)}/schools/${school.urn}/link-practitioner`,
        {
          userId,
        },
      );
      clear();
      const name = practitioners.find((p) => p.userId === userId)?.displayName ?? 'The practitioner';
      onSaved(`${name} is now the link practitioner for ${school.name}.`);
    } catch (error) {
      show(problemLines(error, 'userId', () => id));
    } finally {
      setSending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="lantern-mhst-inline-form">
      <ErrorSummary errors={errors} ref={summaryRef} />
      <SelectField
        id={id}
        label={<span className="nhsuk-u-visually-hidden">New link practitioner for {school.name}</span>}
        error={errorFor(id)}
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
      >
        {school.linkPractitionerId === null && <option value="">Choose a practitioner</option>}
        {practitioners.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.displayName}
          </option>
        ))}
      </SelectField>
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
        {isSending ? 'Saving…' : 'Change'}
        <span className="nhsuk-u-visually-hidden"> the link practitioner for {school.name}</span>
      </button>
    </form>
  );
}
