import { insertInChunks } from '../db/bulk-insert.js';
import type { LanternDb } from '../db/client.js';
import {
  journalEntries,
  moodEntries,
  onlineAccounts,
  onlineAlerts,
  onlineBookings,
  onlineChatMessages,
  onlineChats,
  onlineEscalations,
  onlineGoalRatings,
  onlineGoals,
  onlineMessageReads,
  onlineMessages,
  onlineRiskAssessments,
  onlineServices,
  riskPhrases,
  selfHelpArticles,
} from '../db/schema/online.js';
import { hashPassword } from '../services/identity/credentials.js';
import type { DemoOnline } from './demo-online.js';
import { DEMO_PASSWORD } from './demo-staff.js';

/**
 * Writes the demo online support service and its young people's rows, in the demo area's
 * transaction (system scope). Every demo account's password is the staff demo password, hashed
 * once, as writeDemoArea does for staff: hashing each of 350 accounts would slow every start.
 */
export async function insertDemoOnline(tx: LanternDb, online: DemoOnline): Promise<void> {
  await insertInChunks(tx, onlineServices, online.services);
  await insertInChunks(tx, riskPhrases, online.riskPhrases);
  await insertInChunks(tx, selfHelpArticles, online.articles);
  if (online.accounts.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await insertInChunks(
    tx,
    onlineAccounts,
    online.accounts.map((account) => ({ ...account, passwordHash })),
  );
  await insertInChunks(tx, onlineBookings, online.bookings);
  await insertInChunks(tx, onlineChats, online.chats);
  await insertInChunks(tx, onlineChatMessages, online.chatMessages, 1_000);
  await insertInChunks(tx, onlineRiskAssessments, online.riskAssessments);
  await insertInChunks(tx, onlineEscalations, online.escalations);
  await insertInChunks(tx, onlineAlerts, online.alerts);
  await insertInChunks(tx, onlineMessages, online.messages);
  await insertInChunks(tx, onlineMessageReads, online.messageReads);
  await insertInChunks(tx, journalEntries, online.journalEntries);
  await insertInChunks(tx, moodEntries, online.moodEntries);
  await insertInChunks(tx, onlineGoals, online.goals);
  await insertInChunks(tx, onlineGoalRatings, online.goalRatings);
}
