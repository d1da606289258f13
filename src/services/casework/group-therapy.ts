import { randomUUID } from 'node:crypto';
import { authorise, type ServiceContext, staffOf } from '../../access/authorise.js';
import { recordScope } from '../../access/scope.js';
import type {
  GroupCandidates,
  GroupSessionList,
  GroupSessionSaved,
  RecordGroupSessionInput,
} from '../../contracts/group-therapy.js';
import type { LanternDb } from '../../db/client.js';
import * as casework from '../../db/repositories/casework.repository.js';
import * as mhst from '../../db/repositories/mhst.repository.js';
import * as referrals from '../../db/repositories/referrals.repository.js';
import * as waiting from '../../db/repositories/waiting.repository.js';
import { withScope } from '../../db/scoped.js';
import { AppError } from '../../domain/app-error.js';
import { countsTowardsAccess, programmeKey } from '../../domain/casework/group-therapy.js';
import { type AttendStatus, isAttended } from '../../domain/waiting/clocks.js';
import { teamNotFound, teamsInReach } from '../allocation/team-reach.js';
import { trayStatus } from '../allocation/waiting-list.js';
import { recordChange } from '../audit/record-change.js';
import { startsIntervention } from './record-contact.js';

// Group therapy with known attendees (DOMAIN.md "Group work"): one session row, and a contact in
// each young person's record. Every attendee must be within the caller's scope, or nothing is written.

const attendable = [trayStatus.allocated, trayStatus['in-intervention'], trayStatus['group-waiting-list']];
const candidateStatuses = [trayStatus['group-waiting-list'], trayStatus['in-intervention']];

const notAllYours = () =>
  new AppError(
    'not-found',
    'One or more of these young people is not in this team, or not yours to see. Nothing was saved.',
  );

function checkWhen(startsAt: Date, now: Date, statuses: AttendStatus[]) {
  if (startsAt.getTime() > now.getTime() + 366 * 86_400_000) {
    throw new AppError('bad-request', 'That date is too far ahead.', [
      { name: 'startsAt', reason: 'must be within 366 days from today' },
    ]);
  }
  if (startsAt > now && statuses.some(isAttended)) {
    throw new AppError('bad-request', 'A session in the future cannot have been attended yet.', [
      { name: 'startsAt', reason: 'must not be in the future when someone attended' },
    ]);
  }
}

/**
 * Records a group therapy session: the session row, a `group-therapy` contact per attendee, and
 * for the first attended contact a move into intervention, as one-to-one work does. One access-log
 * row per young person named, whatever the outcome.
 */
export async function recordGroupSession(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  input: RecordGroupSessionInput,
): Promise<GroupSessionSaved> {
  await authorise(ctx, 'contact:record');
  const userId = staffOf(ctx).userId;
  const now = ctx.now();
  const startsAt = new Date(input.startsAt);
  checkWhen(
    startsAt,
    now,
    input.attendees.map((a) => a.attendStatus),
  );
  const found = new Set<string>();
  try {
    return await withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      const teams = await teamsInReach(ctx, tx, 'contact:record');
      if (!teams.some((t) => t.id === input.teamId)) throw notAllYours();
      const rows = await waiting.waitingRows(tx, {
        teamId: input.teamId,
        statuses: attendable,
        referralIds: input.attendees.map((a) => a.referralId),
      });
      for (const row of rows) found.add(row.referralId);
      if (rows.length !== input.attendees.length) throw notAllYours();
      if (input.schoolUrn !== null) {
        const schools = await mhst.schoolsOfTeam(tx, input.teamId);
        if (!schools.some((s) => s.urn === input.schoolUrn)) {
          throw new AppError('bad-request', 'Choose one of the team’s schools.', [
            { name: 'schoolUrn', reason: 'must be one of the team’s schools' },
          ]);
        }
      }
      const id = randomUUID();
      await casework.insertGroupSession(tx, {
        id,
        teamId: input.teamId,
        schoolUrn: input.schoolUrn,
        programme: input.programme,
        startsAt,
        facilitatorUserId: userId,
        recordedAt: now,
        recordedBy: userId,
      });
      const byId = new Map(rows.map((row) => [row.referralId, row]));
      for (const attendee of input.attendees) {
        const contactId = randomUUID();
        await casework.insertContact(tx, {
          id: contactId,
          referralId: attendee.referralId,
          practitionerUserId: userId,
          startsAt,
          schoolUrn: input.schoolUrn,
          kind: 'group-therapy',
          medium: 'in-person',
          groupSessionId: id,
          attendStatus: attendee.attendStatus,
          recordedAt: now,
          recordedBy: userId,
        });
        const row = byId.get(attendee.referralId);
        let status = row?.status ?? '';
        if (row && isAttended(attendee.attendStatus) && startsIntervention(row.status)) {
          const moved = await referrals.updateReferralIfVersion(tx, row.referralId, row.version, {
            status: 'in-intervention',
          });
          if (moved !== null) status = 'in-intervention';
        }
        await recordChange(tx, ctx, {
          entity: 'care-contact',
          entityId: contactId,
          action: 'contact:group-therapy',
          after: {
            referralId: attendee.referralId,
            groupSessionId: id,
            attendStatus: attendee.attendStatus,
            referralStatus: status,
          },
        });
      }
      await waiting.refreshContactColumns(
        tx,
        input.attendees.map((a) => a.referralId),
      );
      await recordChange(tx, ctx, {
        entity: 'group-therapy-session',
        entityId: id,
        action: 'group-therapy:recorded',
        after: { teamId: input.teamId, attendees: input.attendees.length },
      });
      return { id, contacts: input.attendees.length };
    });
  } finally {
    for (const attendee of input.attendees) {
      const isFound = found.has(attendee.referralId);
      await ctx.recordAccess({
        subjectKind: 'referral',
        subjectId: attendee.referralId,
        action: 'contact:record',
        outcome: isFound ? 'allowed' : 'denied',
        basis: isFound ? 'group-therapy' : 'out-of-scope',
      });
    }
  }
}

/** Runs a team-level read and writes its one access-log row, allowed or refused. */
async function teamRead<T extends { count: number }>(
  ctx: ServiceContext,
  subjectKind: string,
  teamId: string | undefined,
  work: (chosen: (id: string) => void) => Promise<T>,
): Promise<T> {
  let subjectId: string | null = teamId ?? null;
  let count: number | null = null;
  try {
    const result = await work((id) => {
      subjectId = id;
    });
    count = result.count;
    return result;
  } finally {
    await ctx.recordAccess({
      subjectKind,
      subjectId,
      action: 'caseload:read',
      outcome: count === null ? 'denied' : 'allowed',
      basis: count === null ? 'out-of-scope' : `listed ${count}`,
    });
  }
}

/** A team's recent group therapy sessions, with counts of the young people the caller can see. */
export async function listGroupSessions(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string | undefined,
): Promise<GroupSessionList> {
  await authorise(ctx, 'caseload:read');
  const { count: _count, ...list } = await teamRead(ctx, 'group-therapy-sessions', teamId, (chosen) =>
    withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      const teams = await teamsInReach(ctx, tx, 'caseload:read');
      const team = teamId ? teams.find((t) => t.id === teamId) : teams[0];
      if (!team) throw teamNotFound();
      chosen(team.id);
      const sessions = await casework.groupSessionsOf(tx, [team.id], 50);
      const contacts = await casework.groupContactsOf(
        tx,
        sessions.map((s) => s.session.id),
      );
      const attendedIn = (sessionId: string) =>
        contacts
          .filter((c) => c.groupSessionId === sessionId && isAttended(c.attendStatus as AttendStatus | null))
          .map((c) => c.referralId);
      const byProgramme = new Map<string, { attended: string[] }[]>();
      for (const { session } of sessions) {
        const key = programmeKey(session.programme);
        byProgramme.set(key, [...(byProgramme.get(key) ?? []), { attended: attendedIn(session.id) }]);
      }
      const items = sessions.map(({ session, schoolName, facilitatorName }) => {
        const attended = attendedIn(session.id).length;
        const named = contacts.filter((c) => c.groupSessionId === session.id).length;
        return {
          id: session.id,
          programme: session.programme,
          startsAt: session.startsAt.toISOString(),
          schoolName,
          facilitatorName,
          attended,
          notAttended: named - attended,
          programmeCountsTowardsAccess: countsTowardsAccess(
            byProgramme.get(programmeKey(session.programme)) ?? [],
          ),
        };
      });
      return {
        teams: teams.map((t) => ({ id: t.id, name: t.name })),
        teamId: team.id,
        items,
        count: items.length,
      };
    }),
  );
  return list;
}

/** Young people in the team on the group waiting list or in intervention whom the caller can see. */
export async function groupCandidates(
  ctx: ServiceContext,
  deps: { db: LanternDb },
  teamId: string | undefined,
): Promise<GroupCandidates> {
  await authorise(ctx, 'contact:record');
  const { count: _count, ...result } = await teamRead(ctx, 'group-therapy-candidates', teamId, (chosen) =>
    withScope(deps.db, recordScope(ctx.actor), async (tx) => {
      const teams = await teamsInReach(ctx, tx, 'contact:record');
      const team = teamId ? teams.find((t) => t.id === teamId) : teams[0];
      if (!team) throw teamNotFound();
      chosen(team.id);
      const rows = await waiting.waitingRows(tx, {
        teamId: team.id,
        statuses: candidateStatuses,
        withGroup: true,
      });
      const schools = await mhst.schoolsOfTeam(tx, team.id);
      const items = rows.map((row) => ({
        referralId: row.referralId,
        reference: row.reference,
        childName: `${row.givenName} ${row.familyName}`,
        status: row.status as 'group-waiting-list' | 'in-intervention',
        groupName: row.groupName,
        schoolName: row.schoolName,
      }));
      return { teamId: team.id, items, schools, count: items.length };
    }),
  );
  return result;
}
