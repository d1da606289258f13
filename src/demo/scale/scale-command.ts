import type { Database } from '../../db/client.js';
import { ScaleAreaError } from './scale-area.js';
import {
  addScaleReferrals,
  checkScaleSize,
  type ScaleCounts,
  ScaleLimitError,
  type ScaleResult,
} from './scale-referrals.js';

// The `--referrals N` part of `lantern demo`: progress as counts only, never a row's contents.

const number = (value: number) => value.toLocaleString('en-GB');

export function describeCounts(counts: ScaleCounts): string {
  return `${number(counts.referrals)} referrals, ${number(counts.care_contacts)} contacts, ${number(counts.episodes)} episodes`;
}

/** Adds `referrals` synthetic referrals received over the five years up to `now`, printing each batch. */
export async function addDemoReferrals(
  database: Database,
  referrals: number,
  options: { now: Date; seed?: number; print: (line: string) => void },
): Promise<ScaleResult> {
  const result = await addScaleReferrals(database, {
    referrals,
    now: options.now,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    onProgress: (p) =>
      options.print(
        `  run ${p.run}, batch ${p.batch} of ${p.batches}: ${describeCounts(p.counts)} (${(p.ms / 1000).toFixed(0)} s)`,
      ),
  });
  options.print(
    `Added synthetic referrals, run ${result.run} (references SC${result.run.toString(16).padStart(2, '0').toUpperCase()}-…): ${describeCounts(result.counts)}, ${number(result.counts.children)} fictional children, in ${(result.ms / 1000).toFixed(1)} s. Running it again adds another ${number(referrals)}.`,
  );
  return result;
}

/** Why this many synthetic referrals cannot go into this kind of database, or null if they can. */
export function scaleRefusal(kind: Database['kind'], referrals: number): string | null {
  try {
    checkScaleSize(kind, referrals);
    return null;
  } catch (error) {
    if (error instanceof ScaleLimitError) return error.message;
    throw error;
  }
}

/** Whether an error is Lantern refusing the request (too many, no demo area), not a failure. */
export function isScaleRefusal(error: unknown): error is Error {
  return error instanceof ScaleLimitError || error instanceof ScaleAreaError;
}
