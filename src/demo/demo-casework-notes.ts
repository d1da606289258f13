import type { Faker } from '@faker-js/faker';
import type { contactNotes, noteSignOffs, supervisionSessions } from '../db/schema/episodes.js';
import {
  correctionReasons,
  type InterventionCode,
  notePhrases,
  signOffComments,
  supervisionActions,
  supervisionKinds,
  supervisionSummaries,
} from './demo-casework-text.js';
import { isSchoolDay, workingTimeBetween } from './demo-mhst-calendar.js';
import { chance, DAY, HOUR, startOfDay, weighted } from './demo-referral-plan.js';

// Practitioners' notes of attended contacts, their supervisors' sign-off, and the supervision log.
// Notes older than two weeks are mostly signed off; recent ones wait in the supervisor's queue.

export type NoteRow = typeof contactNotes.$inferInsert & { id: string; writtenAt: Date };
export type SignOffRow = typeof noteSignOffs.$inferInsert & { signedAt: Date };
export type SupervisionRow = typeof supervisionSessions.$inferInsert & { heldAt: Date };

export interface NoteContext {
  referralId: string;
  contactId: string;
  at: number;
  practitionerId: string;
  /** The team's supervisor and clinical lead, who sign notes off. */
  signers: readonly string[];
  intervention: InterventionCode | null;
  place: 'first' | 'middle' | 'last';
  /** Which session of the young person's this is, counted from a random start. */
  turn: number;
  extra?: string;
  inConfidence: boolean;
  /** The assessment found medium or high risk, so the first note says a safety plan was made. */
  risky?: boolean;
  /** Keep it waiting for sign-off whatever its age (the named EMHP's latest note). */
  awaitSignOff?: boolean;
  now: number;
}

const phrasesFor = (intervention: InterventionCode | null) =>
  intervention === 'guided-self-help-low-mood'
    ? notePhrases['low-mood']
    : intervention === 'parent-led-anxiety'
      ? notePhrases.parent
      : intervention === 'guided-self-help-anxiety' || intervention === 'group-programme'
        ? notePhrases.anxiety
        : notePhrases.other;

function noteBody(faker: Faker, ctx: NoteContext): string {
  const parts =
    ctx.place === 'first'
      ? [
          faker.helpers.arrayElement(notePhrases.first),
          ctx.risky ? notePhrases.riskPlan[0] : faker.helpers.arrayElement(notePhrases.firstMore),
        ]
      : ctx.place === 'last'
        ? [faker.helpers.arrayElement(notePhrases.last)]
        : [
            // Each session's work in turn, so one young person's notes do not repeat themselves.
            phrasesFor(ctx.intervention)[ctx.turn % phrasesFor(ctx.intervention).length] ?? '',
            ...faker.helpers.arrayElements(notePhrases.later, { min: 1, max: 2 }),
          ];
  return [...parts, ...(ctx.extra ? [ctx.extra] : [])].join(' ');
}

/** The note of one attended contact; about one in twenty is corrected; older ones signed off. */
export function noteFor(faker: Faker, ctx: NoteContext, notes: NoteRow[], signOffs: SignOffRow[]): void {
  const latest = ctx.now - 60_000;
  const writtenAt = Math.min(ctx.at + faker.number.int({ min: 40, max: 300 }) * 60_000, latest);
  const noteId = faker.string.uuid();
  const body = noteBody(faker, ctx);
  const first: NoteRow = {
    id: faker.string.uuid(),
    noteId,
    version: 1,
    referralId: ctx.referralId,
    contactId: ctx.contactId,
    body,
    correctionReason: null,
    inConfidence: ctx.inConfidence,
    writtenAt: new Date(writtenAt),
    writtenBy: ctx.practitionerId,
  };
  notes.push(first);
  let current = first;
  if (chance(faker, 0.05)) {
    const correctedAt = Math.min(writtenAt + faker.number.int({ min: 1, max: 48 }) * HOUR, latest);
    if (correctedAt > writtenAt) {
      const reason = faker.helpers.arrayElement(correctionReasons);
      current = {
        ...first,
        id: faker.string.uuid(),
        version: 2,
        body: `${body} ${faker.helpers.arrayElement(notePhrases.later)}`,
        correctionReason: reason,
        writtenAt: new Date(correctedAt),
      };
      notes.push(current);
    }
  }
  const age = ctx.now - current.writtenAt.getTime();
  const signs = !ctx.awaitSignOff && (age > 14 * DAY ? chance(faker, 0.95) : chance(faker, 0.25));
  const signer = faker.helpers.arrayElement(ctx.signers.length ? ctx.signers : [ctx.practitionerId]);
  if (!signs) return;
  const signedAt = Math.min(
    current.writtenAt.getTime() + faker.number.int({ min: 2, max: 10 * 24 }) * HOUR,
    latest,
  );
  if (signedAt <= current.writtenAt.getTime()) return;
  signOffs.push({
    id: faker.string.uuid(),
    noteId,
    version: current.version,
    referralId: ctx.referralId,
    signedAt: new Date(signedAt),
    signedBy: signer,
    comment: faker.helpers.arrayElement(signOffComments),
  });
}

export interface SupervisedPractitioner {
  userId: string;
  supervisorId: string;
  clinicalLeadId: string;
  caseload: number;
  /** When they first had casework in the demo: the log starts then (at most a year back). */
  since: number;
}

/** A supervision session every two to four weeks, mostly with the team's supervisor. */
export function supervisionFor(faker: Faker, p: SupervisedPractitioner, now: number): SupervisionRow[] {
  const rows: SupervisionRow[] = [];
  let day = startOfDay(Math.max(p.since, now - 365 * DAY)) + faker.number.int({ min: 3, max: 14 }) * DAY;
  while (day < now - HOUR) {
    for (let n = 0; n < 14 && !isSchoolDay(day); n += 1) day += DAY;
    const heldAt = workingTimeBetween(faker, day + 9 * HOUR, day + 16 * HOUR);
    if (heldAt >= now - HOUR) break;
    const supervisorId = chance(faker, 0.75) || !p.clinicalLeadId ? p.supervisorId : p.clinicalLeadId;
    const kind = weighted(faker, supervisionKinds);
    const cases =
      kind === 'case-management'
        ? faker.number.int({ min: Math.min(3, p.caseload), max: Math.max(3, Math.min(8, p.caseload)) })
        : kind === 'clinical-skills'
          ? faker.number.int({ min: 1, max: 2 })
          : 0;
    rows.push({
      id: faker.string.uuid(),
      practitionerUserId: p.userId,
      supervisorUserId: supervisorId,
      heldAt: new Date(heldAt),
      kind,
      casesDiscussed: cases,
      summary: faker.helpers.arrayElement(supervisionSummaries[kind] ?? []),
      actions: kind === 'wellbeing' ? 'None.' : faker.helpers.arrayElement(supervisionActions),
      recordedAt: new Date(Math.min(heldAt + faker.number.int({ min: 60, max: 240 }) * 60_000, now - 60_000)),
      recordedBy: supervisorId,
    });
    day = startOfDay(heldAt) + faker.number.int({ min: 14, max: 28 }) * DAY;
  }
  return rows;
}
