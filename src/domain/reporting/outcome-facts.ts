import type { Instrument, Respondent } from '../measures/instrument.js';
import { type MeasureUse, pairedComparison } from '../measures/paired.js';

/**
 * Closed episodes of care as outcome facts, by the paired-score rule of domain/measures/paired.ts
 * (NHS England's: at least 2 attended contacts, a measure used at least twice by the same rater,
 * first and last compared; "improved" only if nothing deteriorated reliably). Each closed episode
 * counts once, on the London day it closed. Pure.
 */

type Dims<D extends string> = Record<D, string>;

export interface ClosedEpisode<D extends string> {
  episodeId: string;
  organisationId: string | null;
  day: string;
  contactsAttended: number;
  dims: Dims<D>;
}

export interface EpisodeMeasureUse {
  episodeId: string;
  instrumentId: string;
  respondent: string;
  at: Date;
  total: number;
}

export const outcomeMeasures = {
  closed: 'outcomes-closed',
  paired: 'outcomes-paired',
  improved: 'outcomes-improved',
  deteriorated: 'outcomes-deteriorated',
} as const;

export function outcomeFacts<D extends string>(
  episodes: readonly ClosedEpisode<D>[],
  uses: readonly EpisodeMeasureUse[],
  instrumentsOf: (organisationId: string | null) => readonly Instrument[],
): { day: string; measure: string; dims: Dims<D>; bucket: number; value: number }[] {
  const usesOf = new Map<string, MeasureUse[]>();
  for (const use of uses) {
    const list = usesOf.get(use.episodeId) ?? [];
    list.push({
      instrumentId: use.instrumentId,
      respondent: use.respondent as Respondent,
      at: use.at,
      total: use.total,
    });
    usesOf.set(use.episodeId, list);
  }
  return episodes.flatMap((episode) => {
    const { overall } = pairedComparison(
      usesOf.get(episode.episodeId) ?? [],
      episode.contactsAttended,
      instrumentsOf(episode.organisationId),
    );
    const measures: string[] = [outcomeMeasures.closed];
    if (overall !== 'not-paired') measures.push(outcomeMeasures.paired);
    if (overall === 'improved') measures.push(outcomeMeasures.improved);
    if (overall === 'deteriorated') measures.push(outcomeMeasures.deteriorated);
    return measures.map((measure) => ({
      day: episode.day,
      measure,
      dims: episode.dims,
      bucket: 0,
      value: 1,
    }));
  });
}
