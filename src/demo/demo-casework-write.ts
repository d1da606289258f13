import { insertInChunks } from '../db/bulk-insert.js';
import type { LanternDb } from '../db/client.js';
import {
  assessments,
  carePlanGoals,
  contactNotes,
  episodes,
  noteSignOffs,
  onwardReferrals,
  supervisionSessions,
} from '../db/schema/episodes.js';
import { measureResponses, questionnaireLinks } from '../db/schema/measures.js';
import { safeguardingActions, safeguardingConcerns } from '../db/schema/safeguarding.js';
import type { DemoCaseRecords } from './demo-casework.js';

const TWO_WEEKS = 14 * 86_400_000;

/**
 * The demo's dates are fixed, but the README's questionnaire link must work whenever someone runs
 * `npm start`: an open link written now lasts two weeks from the real day it is written.
 */
function stillOpen<T extends { answeredAt?: Date | null; expiresAt: Date }>(link: T): T {
  if (link.answeredAt) return link;
  const fromToday = Date.now() + TWO_WEEKS;
  return link.expiresAt.getTime() >= fromToday ? link : { ...link, expiresAt: new Date(fromToday) };
}

/** Writes the case records after the casework they are about; links before the answers that name them. */
export async function insertDemoCaseRecords(tx: LanternDb, records: DemoCaseRecords): Promise<void> {
  await insertInChunks(tx, episodes, records.episodes);
  await insertInChunks(tx, assessments, records.assessments);
  await insertInChunks(tx, carePlanGoals, records.carePlanGoals);
  await insertInChunks(tx, onwardReferrals, records.onwardReferrals);
  await insertInChunks(tx, contactNotes, records.contactNotes);
  await insertInChunks(tx, noteSignOffs, records.noteSignOffs);
  await insertInChunks(tx, supervisionSessions, records.supervisionSessions);
  await insertInChunks(tx, questionnaireLinks, records.questionnaireLinks.map(stillOpen));
  await insertInChunks(tx, measureResponses, records.measureResponses);
  await insertInChunks(tx, safeguardingConcerns, records.safeguardingConcerns);
  await insertInChunks(tx, safeguardingActions, records.safeguardingActions);
}
