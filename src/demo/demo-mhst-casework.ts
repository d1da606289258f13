import type { Faker } from '@faker-js/faker';
import type { allocations } from '../db/schema/mhst.js';
import type { MhstPractitioner, MhstTeamPlan } from './demo-mhst.js';
import {
  choosePractitioner,
  type PauseRow,
  type PreferenceRow,
  pausesFor,
  preferenceFor,
  suggestionFor,
} from './demo-mhst-allocations.js';
import { atSchoolTime, normal, schoolDayOnOrAfter, workingTimeBetween } from './demo-mhst-calendar.js';
import {
  type ContactPlan,
  type ContactRow,
  contactRow,
  interventionContacts,
  type MilestoneRow,
  missedStatuses,
  nextSlot,
  weekdaysAt,
} from './demo-mhst-contacts.js';
import type { MhstCase } from './demo-mhst-referrals.js';
import { allocationReasons, endReasons, mhstGroups } from './demo-mhst-text.js';
import { chance, DAY, HOUR, startOfDay, weighted } from './demo-referral-plan.js';

// Who each accepted MHST referral is allocated to and what has happened since, so that at `now`
// every team has a waiting list like the source documents describe: a four-week standard, about six
// weeks in practice. Statuses follow the allocation services: accepted (awaiting allocation),
// allocated (no attended contact yet), in-intervention (seen at least once), group-waiting-list.

export type AllocationRow = typeof allocations.$inferInsert & {
  id: string;
  recordedAt: Date;
  referralId: string;
};

export interface DemoCasework {
  allocations: AllocationRow[];
  allocationPreferences: PreferenceRow[];
  careContacts: ContactRow[];
  episodeMilestones: MilestoneRow[];
  waitingPauses: PauseRow[];
}

export type Tray = 'awaiting' | 'allocated' | 'group' | 'intervention';

/** Ages in days of newly made referrals for each tray; awaiting ones spread over about eight weeks. */
const newAgeDays: Record<Tray, (faker: Faker, n: number) => number> = {
  // In turn: under three weeks (green) half the time, three to four weeks (amber), over four (red).
  awaiting: (f, n) =>
    [
      () => f.number.float({ min: 2, max: 20.5 }),
      () => f.number.float({ min: 28.5, max: 56 }),
      () => f.number.float({ min: 2, max: 20.5 }),
      () => f.number.float({ min: 21.2, max: 27.5 }),
    ][n % 4]?.() ?? 10,
  allocated: (f) => f.number.float({ min: 12, max: 50 }),
  group: (f) => f.number.float({ min: 20, max: 85 }),
  intervention: (f) => f.number.float({ min: 40, max: 110 }),
};

export function allocateTeam(
  faker: Faker,
  team: MhstTeamPlan,
  existing: MhstCase[],
  make: (team: MhstTeamPlan, target: number, ages?: { min: number; max: number }) => MhstCase,
  out: DemoCasework,
  now: number,
): void {
  const plan: ContactPlan = { now, out };
  const target: Record<Tray, number> = {
    awaiting: faker.number.int({ min: 28, max: 40 }),
    allocated: faker.number.int({ min: 18, max: 25 }),
    group: faker.number.int({ min: 7, max: 12 }),
    intervention: faker.number.int({ min: 8, max: 14 }),
  };
  const ages = team.schools.flatMap((s) => [Math.max(5, s.lowestAge), s.highestAge - 1]);
  const groups = faker.helpers
    .arrayElements(
      mhstGroups.filter((g) => g.maxAge >= Math.min(...ages) && g.minAge <= Math.max(...ages)),
      { min: 3, max: 4 },
    )
    .sort((a, b) => a.minAge - b.minAge);
  const groupFor = (age: number) => groups.find((g) => age >= g.minAge && age <= g.maxAge + 1);
  const count: Record<Tray, number> = { awaiting: 0, allocated: 0, group: 0, intervention: 0 };
  const manager = team.managerId;
  const currentOf = new Map<string, AllocationRow>();
  const waiting: MhstCase[] = [];

  const allocate = (
    c: MhstCase,
    at: number,
    fields:
      | { kind: 'practitioner'; p: MhstPractitioner; why: string }
      | { kind: 'group-waiting-list'; group: string },
    isBulk = false,
  ) => {
    const p = fields.kind === 'practitioner' ? fields.p : null;
    const isLink = team.linkOf.get(c.schoolUrn) === p;
    const suggestion =
      p && !isBulk && at > now - 120 * DAY && chance(faker, 0.6) ? suggestionFor(faker, p, c, isLink) : null;
    const row: AllocationRow = {
      id: faker.string.uuid(),
      referralId: c.referral.id,
      teamId: team.id,
      kind: fields.kind,
      userId: p?.userId ?? null,
      groupName: fields.kind === 'group-waiting-list' ? fields.group : null,
      reason: isBulk
        ? allocationReasons.bulk[0]
        : fields.kind === 'practitioner'
          ? fields.why
          : faker.helpers.arrayElement(allocationReasons.group),
      suggestionScore: suggestion?.score ?? null,
      suggestionReasons: suggestion?.reasons ?? null,
      isBulk,
      recordedAt: new Date(at),
      recordedBy: manager,
    };
    const current = currentOf.get(c.referral.id);
    if (current)
      Object.assign(current, {
        endedAt: new Date(at),
        endedBy: manager,
        endReason: weighted(faker, endReasons),
      });
    currentOf.set(c.referral.id, row);
    out.allocations.push(row);
    c.referral.version = (c.referral.version ?? 1) + 1;
  };

  const choose = (c: MhstCase, not?: MhstPractitioner) => choosePractitioner(faker, team, c, not);

  /** Allocated at `at`, perhaps to someone else first who then handed over (about one in ten). */
  const allocateWithHistory = (
    c: MhstCase,
    when: number,
    chosen: { p: MhstPractitioner; why: string },
    latest: number,
  ) => {
    // About a quarter are allocated in a batch at the Monday allocation meeting.
    const monday = startOfDay(when) - ((new Date(when).getUTCDay() + 6) % 7) * DAY + 10 * HOUR;
    const isBulk = chance(faker, 0.25) && monday > c.acceptedAt + HOUR && monday < latest;
    const at = isBulk ? monday : when;
    if (chance(faker, 0.1) && at - c.acceptedAt > 3 * DAY) {
      const earlier = choose(c, chosen.p);
      allocate(c, workingTimeBetween(faker, c.acceptedAt + HOUR, at - DAY), {
        kind: 'practitioner',
        ...earlier,
      });
    }
    allocate(c, at, { kind: 'practitioner', ...chosen }, isBulk);
    return at;
  };

  const realise = (c: MhstCase, tray: Tray): boolean => {
    const referral = c.referral;
    if (tray === 'awaiting') {
      referral.status = 'accepted';
      return true;
    }
    if (tray === 'group') {
      const group = groupFor(c.age) ?? groups[0];
      if (!group) return false;
      allocate(c, workingTimeBetween(faker, c.acceptedAt + HOUR, now - HOUR), {
        kind: 'group-waiting-list',
        group: group.name,
      });
      Object.assign(referral, { status: 'group-waiting-list', allocatedUserId: null });
      return true;
    }
    const chosen = choose(c);
    if (tray === 'allocated') {
      const from = Math.max(c.acceptedAt + HOUR, now - faker.number.int({ min: 1, max: 21 }) * DAY);
      const when = from < now - HOUR ? workingTimeBetween(faker, from, now - HOUR) : (c.acceptedAt + now) / 2;
      const at = allocateWithHistory(c, when, chosen, now - HOUR);
      const p = chosen.p;
      if (at < now - 5 * DAY && chance(faker, 0.15)) {
        const missed = nextSlot(faker, p, c, at, 2);
        if (missed < now - DAY)
          contactRow(faker, plan, c, p, missed, weighted(faker, missedStatuses), missed + 2 * HOUR);
      }
      // Every other one has a first appointment booked in the next fortnight.
      if (count.allocated % 2 === 0) {
        let day = schoolDayOnOrAfter(
          now + faker.number.int({ min: 1, max: 12 }) * DAY,
          weekdaysAt(p, c.schoolUrn),
        );
        if (day > now + 14 * DAY) day = schoolDayOnOrAfter(now + DAY);
        contactRow(
          faker,
          plan,
          c,
          p,
          atSchoolTime(faker, day),
          null,
          workingTimeBetween(faker, at, now - HOUR),
        );
      }
      Object.assign(referral, { status: 'allocated', allocatedUserId: p.userId });
      return true;
    }
    // In intervention: allocated about four weeks after the referral, seen about two weeks later.
    const received = referral.receivedAt.getTime();
    let at = Math.max(received + normal(faker, 25, 10, 4, 60) * DAY, c.acceptedAt + 12 * HOUR);
    let first = nextSlot(faker, chosen.p, c, at, normal(faker, 13, 6, 3, 35));
    if (first >= now - 2 * HOUR) {
      const room = now - 2 * HOUR - c.acceptedAt;
      if (room < 6 * DAY) return false;
      at = c.acceptedAt + room * faker.number.float({ min: 0.1, max: 0.4 });
      first = nextSlot(faker, chosen.p, c, at, 1);
      if (first >= now - 2 * HOUR) return false;
    }
    at = Math.min(workingTimeBetween(faker, at, at + DAY), first - HOUR);
    // Now and then a practitioner goes on leave part way through and someone else takes over.
    const takeover = chance(faker, 0.05) ? first + faker.number.int({ min: 8, max: 20 }) * DAY : Infinity;
    const successor = takeover < now - 2 * DAY ? choose(c, chosen.p) : null;
    allocateWithHistory(c, at, chosen, first - HOUR);
    const attended = interventionContacts(faker, plan, c, first, (t) =>
      successor && t >= takeover ? successor.p : chosen.p,
    );
    if (successor) allocate(c, takeover, { kind: 'practitioner', ...successor });
    // Help that finished (its sessions done, the last over a fortnight ago) is closed: the young
    // person leaves the practitioner's caseload, and the allocation row ends, keeping the history.
    const last = attended.at(-1);
    if (attended.length >= 4 && last !== undefined && last < now - 14 * DAY) {
      const current = currentOf.get(referral.id);
      if (current) {
        Object.assign(current, {
          endedAt: new Date(last + 7 * DAY),
          endedBy: (successor ?? chosen).p.userId,
          endReason: 'Discharged: help finished',
        });
      }
      Object.assign(referral, {
        status: 'discharged',
        allocatedUserId: (successor ?? chosen).p.userId,
        version: (referral.version ?? 1) + 2,
      });
      return true;
    }
    Object.assign(referral, {
      status: 'in-intervention',
      allocatedUserId: (successor ?? chosen).p.userId,
      version: (referral.version ?? 1) + (attended.length > 0 ? 1 : 0),
    });
    return true;
  };

  const place = (c: MhstCase, wanted: Tray) => {
    const order: Tray[] = [
      wanted,
      ...(['awaiting', 'allocated', 'intervention'] as const).filter((t) => t !== wanted),
    ];
    const tray =
      order.find((t) => (t === wanted || t === 'intervention' || count[t] < target[t]) && realise(c, t)) ??
      (realise(c, 'awaiting') && 'awaiting');
    if (!tray) return;
    count[tray] += 1;
    if (tray === 'awaiting') {
      waiting.push(c);
      preferenceFor(faker, c, manager, out.allocationPreferences, now);
    }
  };

  for (const c of existing) {
    const days = (now - c.referral.receivedAt.getTime()) / DAY;
    let wanted: Tray =
      days > 100
        ? 'intervention'
        : days > 56
          ? weighted(faker, [
              ['intervention', 70],
              ['allocated', 15],
              ['group', 15],
            ] as const)
          : days > 28
            ? weighted(faker, [
                ['awaiting', 50],
                ['allocated', 35],
                ['group', 5],
                ['intervention', 10],
              ] as const)
            : chance(faker, 0.85)
              ? 'awaiting'
              : 'allocated';
    if (wanted !== 'intervention' && count[wanted] >= target[wanted])
      wanted = days > 35 ? 'intervention' : 'awaiting';
    if (wanted === 'group' && !groupFor(c.age)) wanted = 'allocated';
    place(c, wanted);
  }
  // The front door's older referrals are all in intervention by now; a few more recent ones are too.
  count.intervention = 0;
  for (const tray of ['awaiting', 'allocated', 'group', 'intervention'] as const) {
    for (let n = 0; count[tray] < target[tray] && n < 200; n += 1) {
      const group = tray === 'group' ? faker.helpers.arrayElement(groups) : undefined;
      const c = make(
        team,
        now - newAgeDays[tray](faker, n) * DAY,
        group && { min: group.minAge, max: group.maxAge },
      );
      place(c, tray);
    }
  }
  pausesFor(faker, out.waitingPauses, waiting, manager, now);
}
