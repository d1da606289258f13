import { insertInChunks } from '../db/bulk-insert.js';
import type { LanternDb } from '../db/client.js';
import { onlineServices, riskPhrases } from '../db/schema/online.js';
import type { DemoOnline } from './demo-online.js';

/** Writes the demo online support service, in the demo area's transaction (system scope). */
export async function insertDemoOnline(tx: LanternDb, online: DemoOnline): Promise<void> {
  await insertInChunks(tx, onlineServices, online.services);
  await insertInChunks(tx, riskPhrases, online.riskPhrases);
}
