import { adultName } from './demo-referral-people.js';
import { DAY, HOUR, isoDay } from './demo-referral-plan.js';
import { mdtActions, mdtAgencies, sharedDecisions } from './demo-referral-text.js';
import type { Intake } from './demo-referrals.js';
import type { Decider, Outcome } from './demo-triage.js';

// The demo area's multi-agency (MDT) meetings: every other Wednesday afternoon, one for each pair of
// councils, taking the referrals triage sent to MDT since the last one. A meeting with fewer than
// three referrals ready is stood down and they wait for the next; none takes more than eight.

const MIN_ITEMS = 3;
const MAX_ITEMS = 8;

interface Waiting {
  intake: Intake;
  decidedAt: number;
  outcome: Outcome;
}

/** The first Wednesday at 13:30 UTC on or after `from`. */
function wednesdayFrom(from: number): number {
  const day = Math.floor(from / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  return day + ((3 - weekday + 7) % 7) * DAY + 13.5 * HOUR;
}

export function scheduleMdtMeetings(decider: Decider, awaiting: Waiting[]): void {
  const { faker, plan, now, rows } = decider;
  const groups = Math.max(1, Math.ceil(plan.councils.length / 2));
  const waiting: Waiting[][] = Array.from({ length: groups }, () => []);
  for (const item of [...awaiting].sort((a, b) => a.decidedAt - b.decidedAt)) {
    waiting[Math.floor(item.intake.school.council / 2)]?.push(item);
  }
  const earliest = Math.min(...awaiting.map((a) => a.decidedAt));
  if (!Number.isFinite(earliest)) return;

  for (let heldAt = wednesdayFrom(earliest + DAY); heldAt < now - DAY; heldAt += 14 * DAY) {
    for (const [group, queue] of waiting.entries()) {
      const ready = queue.filter((item) => item.decidedAt <= heldAt - DAY);
      if (ready.length < MIN_ITEMS) continue;
      const agenda = ready.slice(0, MAX_ITEMS);
      waiting[group] = queue.filter((item) => !agenda.includes(item));
      const chair = decider.clinician();
      const createdAt = heldAt - 6 * DAY;
      const councilNames = plan.councils.slice(group * 2, group * 2 + 2).map((c) => `${c.name} Early Help`);
      const meeting = {
        id: faker.string.uuid(),
        organisationId: plan.trustId,
        heldAt: new Date(heldAt),
        agenciesPresent: [
          ...mdtAgencies.slice(0, 3),
          ...councilNames,
          ...faker.helpers.arrayElements(mdtAgencies.slice(4), { min: 1, max: 3 }),
        ],
        createdBy: chair,
        createdAt: new Date(createdAt),
      };
      rows.mdtMeetings.push(meeting);
      for (const [index, item] of agenda.entries()) {
        const decidedAt = heldAt + (index + 1) * 10 * 60_000;
        const destination = item.outcome === 'accept' ? decider.destinationFor(item.intake) : undefined;
        const council = plan.councils[item.intake.school.council];
        const agendaItem = {
          id: faker.string.uuid(),
          meetingId: meeting.id,
          referralId: item.intake.referral.id,
          addedBy: decider.clinician(),
          addedAt: new Date(Math.max(createdAt, item.decidedAt + HOUR)),
          sharedDecision: sharedDecisions[destination?.kind ?? (item.outcome as 'signpost' | 'decline')],
          decidedAt: new Date(decidedAt),
          decidedBy: chair,
        };
        rows.mdtAgendaItems.push(agendaItem);
        // The receiving agency's own step first, then others the meeting agreed.
        const own = mdtActions.find(
          ([, agency]) =>
            destination &&
            agency ===
              (destination.kind === 'early-help'
                ? 'Early help'
                : destination.kind === 'mhst'
                  ? 'MHST'
                  : 'CAMHS'),
        );
        const others = faker.helpers.arrayElements(
          mdtActions.filter((action) => action !== own),
          { min: own ? 0 : 1, max: own ? 2 : 3 },
        );
        const owners = [...(own ? [own] : []), ...others].map(([description, agency]) => {
          const dueOn = heldAt + faker.number.int({ min: 7, max: 28 }) * DAY;
          const done = dueOn + 3 * DAY < now && faker.number.float({ min: 0, max: 1 }) < 0.85;
          const ownerAgency = agency === 'Early help' && council ? council.earlyHelp.agency : agency;
          const ownerName = adultName(faker);
          rows.mdtActions.push({
            id: faker.string.uuid(),
            agendaItemId: agendaItem.id,
            referralId: item.intake.referral.id,
            description,
            ownerName,
            ownerAgency,
            dueOn: isoDay(dueOn),
            completedAt: done
              ? new Date(heldAt + faker.number.int({ min: 1, max: (dueOn - heldAt) / DAY + 2 }) * DAY)
              : null,
            createdAt: new Date(decidedAt),
          });
          return { name: ownerName, agency: ownerAgency };
        });
        decider.conclude(
          item.intake,
          item.outcome,
          heldAt + faker.number.int({ min: 90, max: 240 }) * 60_000,
          {
            destination,
            mdtMeetingId: meeting.id,
          },
        );
        if (item.outcome === 'accept' && faker.number.float({ min: 0, max: 1 }) < 0.6) {
          decider.nameLeadWorker(item.intake, heldAt, owners[0]);
        }
      }
    }
  }
}
