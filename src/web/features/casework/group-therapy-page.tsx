import { useState } from 'react';
import type { GroupSessionList } from '../../../contracts/group-therapy.js';
import { SelectField } from '../../components/form.js';
import { PageTitle } from '../../components/layout.js';
import { useNotice } from '../../components/notice.js';
import { Cell, ResponsiveTable } from '../../components/table.js';
import { appointmentWords } from '../mhst/clock-words.js';
import { useRefreshMhst } from '../mhst/mhst-queries.js';
import { LoadError, useStaffAccess } from '../triage/staff-access.js';
import { GroupSessionFormSection } from './group-therapy-form.js';
import { useGroupCandidates, useGroupSessions } from './group-therapy-queries.js';

/**
 * Group therapy with known attendees: record a session (a contact in each young person's record)
 * and see the team's recent sessions.
 */
export function GroupTherapyPage() {
  const { allowed, gate } = useStaffAccess('contact:record', 'record group therapy sessions');
  const [chosenTeam, setChosenTeam] = useState('');
  const sessions = useGroupSessions(chosenTeam, allowed);
  const teamId = sessions.data?.teamId ?? '';
  const candidates = useGroupCandidates(teamId, allowed);
  const refresh = useRefreshMhst();
  const notice = useNotice();
  if (gate) return gate;

  function saved(text: string) {
    void refresh();
    notice.announce({ kind: 'saved', body: text });
  }

  return (
    <>
      <PageTitle title="Group therapy sessions" />
      {notice.element}
      <h1>Group therapy sessions</h1>
      <p>
        Record a group session once. Each young person who was expected gets it in their record, and the first
        session they come to starts their intervention.
      </p>
      {sessions.isPending && <p aria-live="polite">Loading…</p>}
      {sessions.isError && <LoadError error={sessions.error} />}
      {sessions.data && sessions.data.teams.length > 1 && (
        <SelectField
          id="group-team"
          label="Team"
          value={teamId}
          onChange={(e) => setChosenTeam(e.target.value)}
        >
          {sessions.data.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
      )}
      {candidates.isError && <LoadError error={candidates.error} />}
      {candidates.data && (
        <GroupSessionFormSection key={teamId} teamId={teamId} candidates={candidates.data} onSaved={saved} />
      )}
      {sessions.data && <RecentSessions list={sessions.data} />}
    </>
  );
}

function RecentSessions({ list }: { list: GroupSessionList }) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent sessions</h2>
      {list.items.length === 0 ? (
        <p>No group sessions have been recorded for this team yet.</p>
      ) : (
        <>
          <p>
            A programme counts towards access once at least 2 young people have come over at least 2 sessions.
            Counts are of the young people you can see.
          </p>
          <ResponsiveTable
            caption="Recent group sessions, latest first"
            headings={['When', 'Programme', 'Where', 'Came', 'Did not come', 'Counts towards access']}
          >
            {list.items.map((s) => (
              <tr className="nhsuk-table__row" key={s.id}>
                <Cell heading="When">{appointmentWords(s.startsAt)}</Cell>
                <Cell heading="Programme">{s.programme}</Cell>
                <Cell heading="Where">{s.schoolName ?? 'Not at a school'}</Cell>
                <Cell heading="Came">{s.attended}</Cell>
                <Cell heading="Did not come">{s.notAttended}</Cell>
                <Cell heading="Counts towards access">
                  {s.programmeCountsTowardsAccess ? 'Yes' : 'Not yet'}
                </Cell>
              </tr>
            ))}
          </ResponsiveTable>
        </>
      )}
    </section>
  );
}
