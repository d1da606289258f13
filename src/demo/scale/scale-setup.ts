import { sql } from 'drizzle-orm';
import type { LanternDb } from '../../db/client.js';
import type { ScaleArea } from './scale-area.js';
import { temporaryTableNames, temporaryTables } from './scale-batch-sql.js';
import { daySlots, weightedSlots } from './scale-sql.js';

// Each connection that generates batches has its own temporary lookup tables: the area's schools
// (as slots weighted by how often each refers), councils, team staff, and the calendar of days.

export async function dropTemporaryTables(db: LanternDb): Promise<void> {
  for (const name of temporaryTableNames) await db.execute(sql.raw(`drop table if exists pg_temp.${name}`));
}

export async function fillTemporaryTables(db: LanternDb, area: ScaleArea, since: Date, now: Date) {
  await dropTemporaryTables(db);
  for (const statement of temporaryTables) await db.execute(sql.raw(statement));
  const schools = area.schools.map((s) => ({
    i: s.i,
    urn: s.urn,
    council_i: s.councilIndex,
    postcode: s.postcode,
    mhst_team: s.mhstTeamId,
    referrer: s.referrerUserId,
    ages: s.ages,
  }));
  await db.execute(sql`insert into scale_schools select * from jsonb_to_recordset(${JSON.stringify(schools)}::jsonb)
    as x(i int, urn int, council_i int, postcode text, mhst_team uuid, referrer uuid, ages int[])`);
  const schoolSlots = weightedSlots(
    area.schools.map((s) => [s.i, s.weight] as const),
    Math.max(20_000, area.schools.length * 8),
  );
  await db.execute(sql`insert into scale_school_slots select (ordinality - 1)::int, value::int
    from jsonb_array_elements_text(${JSON.stringify(schoolSlots)}::jsonb) with ordinality`);
  const councils = area.councils.map((c) => ({
    i: c.i,
    council_id: c.councilId,
    camhs_team: c.camhsTeamId,
    early_team: c.earlyHelpTeamId,
    early_service: c.earlyHelpServiceId,
  }));
  await db.execute(sql`insert into scale_councils select * from jsonb_to_recordset(${JSON.stringify(councils)}::jsonb)
    as x(i int, council_id uuid, camhs_team uuid, early_team uuid, early_service uuid)`);
  // Every team a referral can be accepted to needs someone to see the young person.
  const destinations = new Set([
    ...area.schools.flatMap((s) => (s.mhstTeamId ? [s.mhstTeamId] : [])),
    ...area.councils.flatMap((c) => [c.camhsTeamId, c.earlyHelpTeamId]),
  ]);
  const teams = [...destinations].map((team) => ({
    team,
    staff: area.teamStaff.get(team) ?? area.triageClinicians,
  }));
  await db.execute(sql`insert into scale_teams select * from jsonb_to_recordset(${JSON.stringify(teams)}::jsonb)
    as x(team uuid, staff uuid[])`);
  const days = daySlots(since, now, 50_000);
  await db.execute(sql`insert into scale_day_slots select (ordinality - 1)::int, to_timestamp(value::bigint / 1000.0)
    from jsonb_array_elements_text(${JSON.stringify(days)}::jsonb) with ordinality`);
  return { daySlots: days.length, schoolSlots: schoolSlots.length };
}
